using System.Globalization;
using Timeline.Core.Model;
using Timeline.Core.Text;

namespace Timeline.Core.Evidence;

/// <summary>The count a quote gives for a measure.</summary>
/// <param name="Count">The count, as <see cref="Counts.Parse"/> reads <paramref name="Text"/>.</param>
/// <param name="Text">The count as the language writes it: "at least 27", "4", "about 300", "20-30", "dozens".</param>
/// <param name="Span">Where the count's words are in the quote (qualifier included).</param>
/// <param name="IsSole">Whether it is the only count the quote gives at all, so that no other number could be the one meant.</param>
public sealed record QuotedCount(Count Count, string Text, TextSpan Span, bool IsSole = false);

/// <summary>
/// Reads the count a quote gives for a measure (killed, injured, displaced, detained), to check a figure
/// against the quote it cites. Numbers may be digits ("27", "1,200"), words ("four", "twenty-seven",
/// "a dozen", "two hundred") or vague ("dozens", "hundreds", "thousands"), with a qualifier ("at least",
/// "more than", "over", "up to", "at most", "fewer than", "about", "around", "nearly", "some", "an estimated")
/// or as a range ("20 to 30", "20-30", "between 20 and 30"). A number belongs to the measure whose word
/// (killed, died, dead, deaths, lost their lives; injured, wounded, hurt; displaced, fled, forced from
/// their homes; detained, arrested, captured) is nearest to it in the quote. Not counts: numbers after
/// "including" (a part of a count already given), ages, dates, years and numbers of days, kilometres,
/// villages and the like. Stateless and thread-safe.
/// </summary>
public static class CountReader
{
    /// <summary>The measures a figure may have.</summary>
    public static IReadOnlyList<string> Measures => Language.LanguageSchema.FigureCounts;

    private static readonly Dictionary<string, string> MeasureWords = new(StringComparer.Ordinal)
    {
        ["killed"] = "killed", ["kill"] = "killed", ["kills"] = "killed", ["killing"] = "killed", ["died"] = "killed", ["die"] = "killed",
        ["dead"] = "killed", ["death"] = "killed", ["deaths"] = "killed", ["lives"] = "killed", ["fatalities"] = "killed",
        ["massacred"] = "killed", ["slain"] = "killed",
        ["injured"] = "injured", ["injuring"] = "injured", ["injuries"] = "injured", ["wounded"] = "injured", ["wounding"] = "injured",
        ["hurt"] = "injured",
        ["displaced"] = "displaced", ["displacing"] = "displaced", ["fled"] = "displaced", ["flee"] = "displaced", ["fleeing"] = "displaced",
        ["homeless"] = "displaced", ["homes"] = "displaced",
        ["detained"] = "detained", ["detaining"] = "detained", ["arrested"] = "detained", ["arresting"] = "detained", ["arrests"] = "detained",
        ["captured"] = "detained", ["detention"] = "detained", ["abducted"] = "detained", ["kidnapped"] = "detained",
    };

    private static readonly Dictionary<string, long> Units = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, long> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal) { "dozens", "hundreds", "thousands" };

    /// <summary>What follows a number that is not a count of people.</summary>
    private static readonly HashSet<string> NotPeople = new(StringComparer.Ordinal)
    {
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "decade", "decades", "am", "pm", "km", "kilometres", "kilometers", "kilometre", "kilometer", "mile", "miles", "metres", "meters",
        "percent", "per", "towns", "town", "villages", "village", "cities", "city", "neighbourhoods", "neighborhoods", "districts", "areas",
        "positions", "buildings", "houses", "vehicles", "tanks", "aircraft", "airstrikes", "strikes", "rockets", "missiles", "shells",
        "projectiles", "homes", "times", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "th", "st", "nd", "rd",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>Words before a number that say it is not a count of people (an age, a year, a part of a count already given).</summary>
    private static readonly HashSet<string> NotCountAfter = new(StringComparer.Ordinal) { "including", "aged", "age", "ages", "since", "in" };

    /// <summary>How far (in words) a number may be from its measure's word.</summary>
    private const int Reach = 12;

    private readonly record struct Word(string Text, int Start, int End, bool IsWord, bool SpaceBefore);

    private readonly record struct Phrase(int First, int Last, string Qualifier, long Low, long High, string? VagueWord);

    /// <summary>The count the quote gives for <paramref name="measure"/>, or null when it gives none.</summary>
    public static QuotedCount? Read(string quote, string measure)
    {
        var words = Words(quote);
        var phrases = Phrases(words);
        var measureAt = new List<(int At, string Measure)>();
        for (int i = 0; i < words.Count; i++)
            if (words[i].IsWord && MeasureWords.TryGetValue(words[i].Text, out var m)) measureAt.Add((i, m));
        Phrase? best = null;
        int bestDistance = int.MaxValue;
        foreach (var p in phrases)
        {
            // The measure word nearest to the number decides which measure the number is a count of.
            int distance = int.MaxValue;
            string? nearest = null;
            foreach (var (at, m) in measureAt)
            {
                int d = at > p.Last ? WordsBetween(words, p.Last, at) : at < p.First ? WordsBetween(words, at, p.First) : int.MaxValue;
                if (d < distance) { distance = d; nearest = m; }
            }
            if (nearest != measure || distance > Reach) continue;
            if (distance < bestDistance) { best = p; bestDistance = distance; }
        }
        if (best is not { } b) return null;
        string text = Write(b);
        var count = Counts.Parse(text);
        return count is null ? null : new QuotedCount(count, text, new TextSpan(words[b.First].Start, words[b.Last].End), phrases.Count == 1);
    }

    /// <summary>
    /// True when a figure's count and the quote's count disagree: in number, or in qualifier
    /// (exact, at least, about, at most, a range).
    /// </summary>
    public static bool Disagrees(Count figure, Count quoted) =>
        figure.Form != quoted.Form || figure.Low != quoted.Low || figure.High != quoted.High || figure.Best != quoted.Best;

    private static int WordsBetween(List<Word> words, int from, int to)
    {
        int n = 1;
        for (int i = from + 1; i < to; i++)
            if (words[i].IsWord) n++;
            else if (words[i].Text is "." or ";" or "!" or "?") n += Reach / 2;   // another sentence is farther away
        return n;
    }

    private static List<Word> Words(string quote)
    {
        var tokens = new List<EvidenceToken>();
        EvidenceTokens.Tokenize(quote, 0, quote.Length, tokens);
        var words = new List<Word>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            string text = t.IsWord ? quote.Substring(t.Start, t.Length).ToLowerInvariant()
                : EvidenceTokens.IsDash(quote[t.Start]) ? "-"
                : quote.Substring(t.Start, t.Length);
            words.Add(new Word(text, t.Start, t.End, t.IsWord, i == 0 || tokens[i - 1].End < t.Start));
        }
        return words;
    }

    private static List<Phrase> Phrases(List<Word> words)
    {
        var result = new List<Phrase>();
        int i = 0;
        while (i < words.Count)
        {
            if (!words[i].IsWord || !TryNumber(words, i, out long value, out int last, out string? vague)) { i++; continue; }
            int first = i;
            long high = value;
            // A range: "20 to 30", "20-30", "between 20 and 30".
            int after = last + 1;
            if (vague is null && after + 1 < words.Count && words[after].Text is "to" or "-" or "and"
                && (words[after].Text != "and" || first > 0 && words[first - 1].Text == "between")
                && TryNumber(words, after + 1, out long other, out int otherLast, out string? otherVague) && otherVague is null && other > value)
            {
                high = other;
                last = otherLast;
                if (words[after].Text == "and") first--;
            }
            string qualifier = Qualifier(words, first, out int qualifierFirst);
            bool counts = !IsNotCount(words, qualifierFirst, first, last, value);
            if (counts) result.Add(new Phrase(qualifierFirst, last, qualifier, value, high, vague));
            i = last + 1;
        }
        return result;
    }

    private static bool IsNotCount(List<Word> words, int qualifierFirst, int first, int last, long value)
    {
        if (qualifierFirst > 0 && NotCountAfter.Contains(words[qualifierFirst - 1].Text)) return true;
        if (first > 0 && Months.Contains(words[first - 1].Text)) return true;
        if (first >= 2 && words[first - 1].Text == "as" && words[first - 2].Text is "young" or "old") return true;
        if (value is >= 1900 and <= 2100 && words[first].Text.Length == 4) return true;  // a year
        int next = last + 1;
        if (next < words.Count && words[next].Text == "-") next++;
        if (next < words.Count && words[next].Text == "of") next++;
        if (next < words.Count && NotPeople.Contains(words[next].Text)) return true;
        if (words[first].Text == "one" && first == last && last + 1 < words.Count && words[last + 1].Text == "of") return true;
        return false;
    }

    /// <summary>The qualifier before a number ("at least", "more than", "about", …) and where it starts.</summary>
    private static string Qualifier(List<Word> words, int first, out int qualifierFirst)
    {
        qualifierFirst = first;
        string Before(int back) => first - back >= 0 && words[first - back].IsWord ? words[first - back].Text : "";
        string two = Before(2) + " " + Before(1);
        string? q = two switch
        {
            "at least" or "at most" or "up to" or "more than" or "fewer than" or "less than" => two,
            "an estimated" => "about",
            _ => null,
        };
        if (q is not null) { qualifierFirst = first - 2; return q; }
        if (Before(3) == "as" && two == "many as") { qualifierFirst = first - 3; return "up to"; }
        q = Before(1) switch
        {
            "over" => "more than",
            "about" or "around" or "nearly" or "almost" or "some" or "approximately" or "roughly" or "estimated" => "about",
            "under" => "fewer than",
            _ => null,
        };
        if (q is not null) { qualifierFirst = first - 1; return q; }
        return "";
    }

    /// <summary>A number at word i: digits (with thousands separators), words, or a vague word.</summary>
    private static bool TryNumber(List<Word> words, int i, out long value, out int last, out string? vague)
    {
        value = 0; last = i; vague = null;
        if (i >= words.Count || !words[i].IsWord) return false;
        string w = words[i].Text;
        if (Vague.Contains(w)) { vague = w; return true; }
        if (w.All(char.IsAsciiDigit) && w.Length <= 12)
        {
            string digits = w;
            while (last + 2 < words.Count && words[last + 1].Text == "," && !words[last + 1].SpaceBefore && !words[last + 2].SpaceBefore
                   && words[last + 2].Text.Length == 3 && words[last + 2].Text.All(char.IsAsciiDigit))
            {
                digits += words[last + 2].Text;
                last += 2;
            }
            value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }
        if (w is "a" or "an" && i + 1 < words.Count && words[i + 1].Text is "dozen" or "hundred" or "thousand")
        {
            value = words[i + 1].Text switch { "dozen" => 12, "hundred" => 100, _ => 1000 };
            last = i + 1;
            return true;
        }
        if (Tens.TryGetValue(w, out value))
        {
            int u = i + 1;
            if (u + 1 < words.Count && words[u].Text == "-" && !words[u].SpaceBefore) u++;
            if (u < words.Count && Units.TryGetValue(words[u].Text, out long unit) && unit < 10) { value += unit; last = u; }
        }
        else if (!Units.TryGetValue(w, out value)) return false;
        if (last + 1 < words.Count)
            switch (words[last + 1].Text)
            {
                case "dozen": value *= 12; last++; break;
                case "hundred": value *= 100; last++; break;
                case "thousand": value *= 1000; last++; break;
            }
        return true;
    }

    /// <summary>The count as the language writes it (and <see cref="Counts.Parse"/> reads it).</summary>
    private static string Write(Phrase p)
    {
        if (p.VagueWord is { } vague) return vague;
        string n = p.Low.ToString(CultureInfo.InvariantCulture);
        if (p.High != p.Low) return $"{n}-{p.High.ToString(CultureInfo.InvariantCulture)}";
        return p.Qualifier switch
        {
            "" => n,
            "up to" => $"at most {n}",
            "less than" => $"fewer than {n}",
            _ => $"{p.Qualifier} {n}",
        };
    }
}
