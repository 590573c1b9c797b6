using System.Globalization;
using System.Text.RegularExpressions;
using Timeline.Core.Checks;

namespace Timeline.Core.Dates;

/// <summary>
/// A weekday or relative word ("on Friday", "yesterday", "since Wednesday"), resolvable against a publication date.
/// <see cref="Kept"/> is the phrase when it says more than a date can hold ("late Friday", "Friday night"): a fix
/// keeps it in the event's notes, so no word the writer copied is lost.
/// </summary>
public sealed record RelativeDate(string Text, string Meaning, Func<DateOnly, string> Resolve, string? Kept = null);

/// <summary>What a date's text turned out to be: an EDTF value, and perhaps a problem (with fixes) or a relative phrase.</summary>
public sealed record DateReading(EdtfDate? Value, DateProblem? Problem, RelativeDate? Relative)
{
    public bool IsValid => Value is not null && Problem is null;
}

/// <summary>
/// The one date reader. It accepts EDTF levels 0 and 1 and recognises what writers type
/// from articles: weekdays and relative words (TL103), day-first, month-first and
/// spelled-out dates (TL104), and the pre-2019 EDTF draft forms (TL108).
/// </summary>
public static partial class DateReader
{
    public static DateReading Read(string text, TimeSpan? defaultOffset = null)
    {
        var value = Edtf.Parse(text, out var problem, defaultOffset);
        if (value is not null) return new DateReading(value, null, null);
        if (problem!.Rule == ImpossibleDateRule.Rule || problem.Rule == ReversedIntervalRule.Rule) return new DateReading(null, problem, null);

        string t = text.Trim();
        if (Deprecated(t) is { } modern && Edtf.Parse(modern, out _, defaultOffset) is { } mv)
            return new DateReading(mv, new DateProblem(DeprecatedDateRule.Rule,
                $"'{t}' is an old draft form of the date standard (EDTF, before 2019); write '{modern}' (the quick fix does it)",
                new[] { new DateFix($"Change to '{modern}'", modern, IsCertain: true) }), null);

        if (Relative(t) is { } rel)
            return new DateReading(null, new DateProblem(RelativeDateRule.Rule, $"'{t}' is {rel.Meaning}, not a " +
                "date; write the date it means (resolved from the cited sources' publication dates)", Array.Empty<DateFix>()), rel);

        if (NonIso(t, defaultOffset) is { } nonIso) return new DateReading(null, nonIso, null);
        return new DateReading(null, problem, null);
    }

    // ---- TL108: the pre-2019 draft forms ----

    private static string? Deprecated(string t)
    {
        string s = t;
        bool changed = false;
        if (s.EndsWith("?~", StringComparison.Ordinal) || s.EndsWith("~?", StringComparison.Ordinal)) { s = s[..^2] + "%"; changed = true; }
        if (s.Contains("?~") || s.Contains("~?")) { s = s.Replace("?~", "%").Replace("~?", "%"); changed = true; }
        if (s.StartsWith('y') && s.Length > 5 && s[1..].TrimStart('-').All(char.IsAsciiDigit)) { s = "Y" + s[1..]; changed = true; }
        var parts = s.Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i];
            if (parts.Length == 2 && p == "unknown") { parts[i] = ""; changed = true; }
            else if (parts.Length == 2 && p == "open") { parts[i] = ".."; changed = true; }
            else if (p.Contains('u') && DraftUnspecified().IsMatch(p)) { parts[i] = p.Replace('u', 'X'); changed = true; }
        }
        s = string.Join('/', parts);
        return changed ? s : null;
    }

    [GeneratedRegex(@"^[0-9u]{4}(-[0-9u]{2}){0,2}[?~%]?$")]
    private static partial Regex DraftUnspecified();

    // ---- TL103: weekdays and relative words ----

    private static readonly string[] Weekdays = { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" };
    private static readonly Dictionary<string, int> NumberWords = new()
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["a"] = 1,
    };

    [GeneratedRegex(@"^(?:(?<pre>on|last|this|by|since|from|until|till|before)\s+)?(?:(?<part>late|early)\s+)?(?:on\s+)?" +
        @"(?<wd>sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:\s+(?<part>morning|afternoon|evening|night))?$")]
    private static partial Regex WeekdayPhrase();

    [GeneratedRegex(@"^(?:(?:over|in|during)\s+)?(?:the\s+)?(?:past|last)\s+(\w+)\s+days$")]
    private static partial Regex PastDays();

    [GeneratedRegex(@"^(\w+)\s+days?\s+ago$")]
    private static partial Regex DaysAgo();

    public static RelativeDate? Relative(string text)
    {
        string t = Regex.Replace(text.Trim().TrimEnd('.', ',').ToLowerInvariant(), @"\s+", " ");
        var m = WeekdayPhrase().Match(t);
        if (m.Success) return Weekday(text, m);
        // A part of the day says more than a date can hold: the phrase is kept in the notes.
        string? kept = t.Contains("morning") || t.Contains("afternoon") || t.Contains("evening") || t.Contains("night")
            || t.StartsWith("late ", StringComparison.Ordinal) || t.StartsWith("early ", StringComparison.Ordinal) ? text.Trim() : null;
        switch (t)
        {
            case "today" or "tonight" or "this morning" or "this afternoon" or "this evening" or "earlier today" or "on the day":
                return new RelativeDate(text, "a relative word (the day of publication)", Iso, kept);
            case "yesterday" or "last night" or "yesterday morning" or "yesterday afternoon" or "yesterday evening" or "late yesterday"
                or "early yesterday":
                return new RelativeDate(text, "a relative word (the day before publication)", p => Iso(p.AddDays(-1)), kept);
            case "the day before yesterday":
                return new RelativeDate(text, "a relative word (two days before publication)", p => Iso(p.AddDays(-2)));
            case "last week" or "the previous week":
                return new RelativeDate(text, "a relative word (the week before publication)", p =>
                {
                    var monday = Monday(p).AddDays(-7);
                    return $"{Iso(monday)}/{Iso(monday.AddDays(6))}";
                });
            case "this week":
                return new RelativeDate(text, "a relative word (the week of publication, up to the day)", p => Monday(p) == p ? Iso(p)
                    : $"{Iso(Monday(p))}/{Iso(p)}");
            case "earlier this week":
                // Before the day of publication: from the Monday to the day before (a report of a Monday means that Monday).
                return new RelativeDate(text, "a relative phrase (the week of publication, before the day)", p => Monday(p) == p ? Iso(p)
                    : Monday(p) == p.AddDays(-1) ? Iso(Monday(p)) : $"{Iso(Monday(p))}/{Iso(p.AddDays(-1))}");
            case "last month":
                return new RelativeDate(text, "a relative word (the month before publication)", p =>
                    p.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
            case "this month" or "earlier this month":
                return new RelativeDate(text, "a relative word (the month of publication)", p => p.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            case "last year":
                return new RelativeDate(text, "a relative word (the year before publication)", p =>
                    (p.Year - 1).ToString(CultureInfo.InvariantCulture));
            case "this year" or "earlier this year":
                return new RelativeDate(text, "a relative word (the year of publication)", p => p.Year.ToString(CultureInfo.InvariantCulture));
        }
        m = PastDays().Match(t);
        if (m.Success && Number(m.Groups[1].Value) is int n && n > 0)
            return new RelativeDate(text, $"a relative phrase (the {n} days up to publication)", p => n == 1 ? Iso(p)
                : $"{Iso(p.AddDays(1 - n))}/{Iso(p)}");
        m = DaysAgo().Match(t);
        if (m.Success && Number(m.Groups[1].Value) is int k && k > 0)
            return new RelativeDate(text, $"a relative phrase ({k} days before publication)", p => Iso(p.AddDays(-k)));
        return null;
    }

    /// <summary>
    /// A weekday phrase: the day itself ("on Friday", "late Friday"), the span from it to publication ("since Wednesday"),
    /// or an open start up to it ("until Friday", "by Friday"). A part of the day ("early", "night") is kept for the notes.
    /// </summary>
    private static RelativeDate Weekday(string text, Match m)
    {
        var dow = (DayOfWeek)Array.IndexOf(Weekdays, m.Groups["wd"].Value);
        string pre = m.Groups["pre"].Value;
        string name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(m.Groups["wd"].Value);
        string? kept = m.Groups["part"].Success ? text.Trim() : null;
        DateOnly Day(DateOnly pub)
        {
            var d = pre == "last" ? pub.AddDays(-1) : pub;
            while (d.DayOfWeek != dow) d = d.AddDays(-1);
            return d;
        }
        return pre switch
        {
            "since" or "from" => new RelativeDate(text, $"a span from a weekday ({name}) to the day of publication", pub =>
                Day(pub) == pub ? Iso(pub) : $"{Iso(Day(pub))}/{Iso(pub)}", kept),
            "until" or "till" or "by" => new RelativeDate(text, $"an open span up to a weekday ({name})", pub => $"../{Iso(Day(pub))}", kept),
            "before" => new RelativeDate(text, $"an open span before a weekday ({name})", pub => $"../{Iso(Day(pub).AddDays(-1))}", kept),
            _ => new RelativeDate(text, $"a weekday ({name})", pub => Iso(Day(pub)), kept),
        };
    }

    private static int? Number(string w) => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
        ? n : NumberWords.TryGetValue(w, out int v) ? v : null;
    private static DateOnly Monday(DateOnly d) { while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(-1); return d; }
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- TL104: numbers in other orders, spelled months ----

    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < 12; i++)
        {
            d[Edtf.MonthNames[i]] = i + 1;
            d[Edtf.MonthNames[i][..3]] = i + 1;
        }
        d["Sept"] = 9;
        return d;
    }

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")]
    private static partial Regex DayMonthYearNumbers();

    [GeneratedRegex(@"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")]
    private static partial Regex YearMonthDayNumbers();

    [GeneratedRegex(@"^(?:(?<wd>sunday|monday|tuesday|wednesday|thursday|friday|saturday),?\s+)?(?:(?<pre>on|in" +
        @"|since)\s+)?(?:the\s+)?(?:(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>[a-z]+)\.?,?\s+(?<y>\d{4})|" +
        @"(?<m>[a-z]+)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})|(?<m>[a-z]+)\.?,?\s+(?<y>\d{4})|(?<y>\d{4}))$", RegexOptions.IgnoreCase)]
    private static partial Regex Spelled();

    private static DateProblem? NonIso(string t, TimeSpan? offset)
    {
        var m = DayMonthYearNumbers().Match(t);
        if (m.Success)
        {
            int a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            int y = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            string? dayFirst = ValidIso(y, b, a), monthFirst = ValidIso(y, a, b);
            if (dayFirst is not null && (monthFirst is null || dayFirst == monthFirst))
                return NonIsoFix(t, dayFirst, "day-first");
            if (monthFirst is not null && dayFirst is null)
                return NonIsoFix(t, monthFirst, "month-first");
            if (dayFirst is not null && monthFirst is not null)
                return new DateProblem(NonIsoDateRule.Rule, $"'{t}' is ambiguous: {dayFirst} if the day comes " +
                    $"first, {monthFirst} if the month does; write the ISO date (YYYY-MM-DD)", Array.Empty<DateFix>());
            return new DateProblem(ImpossibleDateRule.Rule,
                $"'{t}' cannot be a date in either day-first or month-first order", Array.Empty<DateFix>());
        }
        m = YearMonthDayNumbers().Match(t);
        if (m.Success)
        {
            int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups[2].Value,
                CultureInfo.InvariantCulture), d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            string? iso = ValidIso(y, mo, d);
            return iso is null ? new DateProblem(ImpossibleDateRule.Rule, $"'{t}' cannot be a date",
                Array.Empty<DateFix>()) : NonIsoFix(t, iso, "non-ISO");
        }
        m = Spelled().Match(t);
        if (m.Success)
        {
            string pre = m.Groups["pre"].Value.ToLowerInvariant();
            bool hasMonth = m.Groups["m"].Success, hasDay = m.Groups["d"].Success;
            if (!hasMonth && pre is not ("in" or "since")) return null; // a bare year is EDTF already
            int y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            string iso;
            if (hasMonth)
            {
                if (!Months.TryGetValue(m.Groups["m"].Value, out int mo)) return null;
                if (hasDay)
                {
                    int d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                    string? v = ValidIso(y, mo, d);
                    if (v is null) return new DateProblem(ImpossibleDateRule.Rule,
                        $"'{t}' cannot be a date: {Edtf.MonthName(mo)} {y} has {Edtf.DaysIn(y, mo)} days", Array.Empty<DateFix>());
                    if (m.Groups["wd"].Success)
                    {
                        var actual = new DateTime(y, mo, d).DayOfWeek.ToString();
                        if (!actual.Equals(m.Groups["wd"].Value, StringComparison.OrdinalIgnoreCase))
                            return new DateProblem(NonIsoDateRule.Rule, $"'{t}' is a spelled-out date whose weekday " +
                                $"is wrong: {v} was a {actual}; write the ISO date (YYYY-MM-DD) you mean", Array.Empty<DateFix>());
                    }
                    iso = v;
                }
                else iso = $"{y:0000}-{mo:00}";
            }
            else iso = $"{y:0000}";
            if (pre == "since") iso += "/..";
            return NonIsoFix(t, iso, "spelled-out");
        }
        return null;
    }

    private static string? ValidIso(int y, int m, int d) =>
        m is >= 1 and <= 12 && d >= 1 && d <= Edtf.DaysIn(y, m) ? $"{y:0000}-{m:00}-{d:00}" : null;

    private static DateProblem NonIsoFix(string t, string iso, string what) =>
        new(NonIsoDateRule.Rule, $"'{t}' is a {what} date; write it as ISO: {iso}",
            new[] { new DateFix($"Change to '{iso}'", iso, IsCertain: true) });
}
