using System.Globalization;
using System.Text.RegularExpressions;

namespace Timeline.Core.Model;

/// <summary>Reads counts: 27, "at least 27", "at most 30", "about 300", "20-30", "dozens", "hundreds".</summary>
public static partial class Counts
{
    [GeneratedRegex(@"^(?:(?<q>at least|more than|over|at most|up to|fewer than|less than|under|about|around" +
        @"|approximately|roughly|some)\s+)?(?<n>\d{1,3}(?:,\d{3})+|\d+)$")]
    private static partial Regex Phrase();

    [GeneratedRegex(@"^(?<a>\d{1,3}(?:,\d{3})+|\d+)\s*(?:-|–|to)\s*(?<b>\d{1,3}(?:,\d{3})+|\d+)$")]
    private static partial Regex Range();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Parses a count. Returns null when the text is not one of the accepted forms.</summary>
    public static Count? Parse(string text)
    {
        // Digits alone are most counts by far ("27"): read without the phrases' patterns.
        if (text.Length is > 0 and <= 18 && !text.AsSpan().ContainsAnyExceptInRange('0', '9')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long only))
            return new Count(CountForm.Exact, only, only, only, text);
        string t = Spaces().Replace(text.Trim().ToLowerInvariant(), " ");
        switch (t)
        {
            case "dozens": return new Count(CountForm.Vague, 24, null, null, text);
            case "hundreds": return new Count(CountForm.Vague, 200, null, null, text);
            case "thousands": return new Count(CountForm.Vague, 2000, null, null, text);
        }
        var m = Phrase().Match(t);
        if (m.Success && long.TryParse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
        {
            return m.Groups["q"].Value switch
            {
                "" => new Count(CountForm.Exact, n, n, n, text),
                "at least" => new Count(CountForm.AtLeast, n, null, null, text),
                "more than" or "over" => new Count(CountForm.AtLeast, n + 1, null, null, text),
                "at most" or "up to" => new Count(CountForm.AtMost, 0, n, null, text),
                "fewer than" or "less than" or "under" => new Count(CountForm.AtMost, 0, Math.Max(0, n - 1), null, text),
                _ => new Count(CountForm.About, null, null, n, text),
            };
        }
        m = Range().Match(t);
        if (m.Success
            && long.TryParse(m.Groups["a"].Value.Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out long a)
            && long.TryParse(m.Groups["b"].Value.Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out long b))
            return new Count(CountForm.Range, a, b, null, text);
        return null;
    }

    /// <summary>Says what a count means, for hover: "at least 27 (27 or more)".</summary>
    public static string Explain(Count c) => c.Form switch
    {
        CountForm.Exact => $"exactly {c.Best}",
        CountForm.AtLeast => $"{c.Low} or more",
        CountForm.AtMost => $"at most {c.High}",
        CountForm.About => $"about {c.Best} (an estimate)",
        CountForm.Range => c.Best is { } best ? $"between {c.Low} and {c.High}, best estimate {best}" : $"between {c.Low} and {c.High}",
        _ => $"a vague figure, counted as at least {c.Low}",
    };
}
