using System.Globalization;
using Timeline.Core.Checks;

namespace Timeline.Core.Dates;

public enum DatePrecision { Year, Season, Month, Day, Minute, Second }

[Flags]
public enum DateQualifiers { None = 0, Uncertain = 1, Approximate = 2 }

/// <summary>One end of a date: a year, season, month, day or time, with its bounds.</summary>
public sealed record EdtfPoint(
    long Year, int? Month, int? Season, int? Day, int? Hour, int? Minute, int? Second, TimeSpan? Offset,
    DatePrecision Precision, DateQualifiers Qualifiers, bool HasUnspecified, DateTime Earliest, DateTime Latest);

public enum IntervalEnd { Point, Open, Unknown }

/// <summary>
/// A parsed EDTF (ISO 8601-2, levels 0 and 1) date: a point or an interval, with its
/// earliest and latest instants (UTC), its precision and its qualifiers.
/// </summary>
public sealed record EdtfDate(string Text, EdtfPoint? Start, EdtfPoint? End, IntervalEnd StartKind, IntervalEnd EndKind, bool IsInterval)
{
    public DateTime Earliest => StartKind == IntervalEnd.Point ? Start!.Earliest : DateTime.MinValue;
    public DateTime Latest => IsInterval ? (EndKind == IntervalEnd.Point ? End!.Latest : DateTime.MaxValue) : Start!.Latest;
    public DatePrecision Precision => (Start ?? End)!.Precision;
    public DateQualifiers Qualifiers => (Start?.Qualifiers ?? 0) | (End?.Qualifiers ?? 0);
    public bool IsDayPrecisionOrFiner => !IsInterval && Start!.Precision >= DatePrecision.Day && !Start.HasUnspecified;

    /// <summary>The date in words: "Friday 29 November 2024", "27–29 November 2024", "c. December 2016".</summary>
    public string Describe() => DateWords.Describe(this);
}

/// <summary>The result of reading a date: a value, or a problem with a message and perhaps fixes.</summary>
public sealed record DateProblem(Rule Rule, string Message, IReadOnlyList<DateFix> Fixes);
/// <param name="IsCertain">Whether the replacement is the only date the text can mean (see <see cref="Checks.Fix.IsCertain"/>).</param>
public sealed record DateFix(string Title, string Replacement, bool IsCertain = false);

public static class Edtf
{
    /// <summary>Parses an EDTF level 0 or 1 date. Returns null and a problem when it is not one.</summary>
    public static EdtfDate? Parse(string text, out DateProblem? problem, TimeSpan? defaultOffset = null)
    {
        problem = null;
        string t = text.Trim();
        if (t.Length == 0)
        {
            problem = new DateProblem(InvalidDateRule.Rule, "the date is empty; write one such as 2024-11-29", Array.Empty<DateFix>());
            return null;
        }
        int slash = t.IndexOf('/');
        if (slash >= 0)
        {
            if (t.IndexOf('/', slash + 1) >= 0) { problem = Invalid(t); return null; }
            string a = t[..slash], b = t[(slash + 1)..];
            if (a.Length == 0 && b.Length == 0) { problem = Invalid(t); return null; }
            EdtfPoint? start = null, end = null;
            var sk = a switch { ".." => IntervalEnd.Open, "" => IntervalEnd.Unknown, _ => IntervalEnd.Point };
            var ek = b switch { ".." => IntervalEnd.Open, "" => IntervalEnd.Unknown, _ => IntervalEnd.Point };
            if (sk != IntervalEnd.Point && ek != IntervalEnd.Point) { problem = Invalid(t); return null; }
            if (sk == IntervalEnd.Point && (start = ParsePoint(a, defaultOffset, out problem)) is null) return null;
            if (ek == IntervalEnd.Point && (end = ParsePoint(b, defaultOffset, out problem)) is null) return null;
            if (start is not null && end is not null && end.Latest < start.Earliest)
            {
                problem = new DateProblem(ReversedIntervalRule.Rule, $"the interval '{t}' ends ({b}) before it " +
                    $"starts ({a}); write the earlier date first (the quick fix swaps them)",
                    new[] { new DateFix($"Swap to '{b}/{a}'", $"{b}/{a}") });
                return null;
            }
            return new EdtfDate(t, start, end, sk, ek, true);
        }
        var p = ParsePoint(t, defaultOffset, out problem);
        return p is null ? null : new EdtfDate(t, p, null, IntervalEnd.Point, IntervalEnd.Point, false);
    }

    private static DateProblem Invalid(string t) =>
        new(InvalidDateRule.Rule, $"'{t}' is not a date in the accepted forms; expected a day (2024-11-29), a month (2024-11), " +
            "a span (2024-11-27/2024-11-29) or an uncertain year (2016?)", Array.Empty<DateFix>());

    private static DateProblem Impossible(string t, string why) =>
        new(ImpossibleDateRule.Rule, $"'{t}' cannot be a date: {why}", Array.Empty<DateFix>());

    private static EdtfPoint? ParsePoint(string s, TimeSpan? defaultOffset, out DateProblem? problem)
    {
        problem = null;
        string whole = s;
        var q = DateQualifiers.None;
        if (s.EndsWith('%')) { q = DateQualifiers.Uncertain | DateQualifiers.Approximate; s = s[..^1]; }
        else if (s.EndsWith('?')) { q = DateQualifiers.Uncertain; s = s[..^1]; }
        else if (s.EndsWith('~')) { q = DateQualifiers.Approximate; s = s[..^1]; }

        int i = 0;
        long year;
        long yearLow, yearHigh;
        bool unspecified = false;
        // Year: four digits (with trailing X allowed), or Y followed by more digits, optionally negative.
        if (i < s.Length && s[i] == 'Y')
        {
            i++;
            int st = i;
            if (i < s.Length && s[i] == '-') i++;
            int ds = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i - ds < 5 || i != s.Length) { problem = Invalid(whole); return null; }
            year = long.Parse(s[st..i], CultureInfo.InvariantCulture);
            yearLow = yearHigh = year;
            var (e0, l0) = (YearStart(year), YearEnd(year));
            return new EdtfPoint(year, null, null, null, null, null, null, null, DatePrecision.Year, q, false, e0, l0);
        }
        bool negative = false;
        if (i < s.Length && s[i] == '-') { negative = true; i++; }
        if (s.Length - i < 4) { problem = Invalid(whole); return null; }
        var ys = s.AsSpan(i, 4);   // a span, not a string: a date is read for every event
        i += 4;
        int firstX = ys.IndexOf('X');
        if (firstX >= 0)
        {
            if (firstX < 2 || ys[firstX..].ContainsAnyExcept('X') || ys[..firstX].ContainsAnyExceptInRange('0', '9') || negative)
            {
                problem = Invalid(whole);
                return null;
            }
            unspecified = true;
            long prefix = long.Parse(ys[..firstX], CultureInfo.InvariantCulture);
            long scale = firstX == 2 ? 100 : 10;
            yearLow = prefix * scale;
            yearHigh = yearLow + scale - 1;
            year = yearLow;
        }
        else
        {
            if (ys.ContainsAnyExceptInRange('0', '9')) { problem = Invalid(whole); return null; }
            year = long.Parse(ys, CultureInfo.InvariantCulture) * (negative ? -1 : 1);
            yearLow = yearHigh = year;
        }
        if (i == s.Length)
        {
            return new EdtfPoint(year, null, null, null, null, null, null, null, DatePrecision.Year, q, unspecified,
                YearStart(yearLow), YearEnd(yearHigh));
        }
        if (s[i] != '-' || s.Length < i + 3) { problem = Invalid(whole); return null; }
        string ms = s.Substring(i + 1, 2);
        i += 3;
        if (ms == "XX")
        {
            if (i == s.Length)
                return new EdtfPoint(year, null, null, null, null, null, null, null, DatePrecision.Month, q, true,
                    YearStart(yearLow), YearEnd(yearHigh));
            if (s.Length == i + 3 && s[i] == '-' && s.Substring(i + 1, 2) == "XX")
                return new EdtfPoint(year, null, null, null, null, null, null, null, DatePrecision.Day, q, true,
                    YearStart(yearLow), YearEnd(yearHigh));
            problem = Invalid(whole); return null;
        }
        if (!ms.All(char.IsAsciiDigit)) { problem = Invalid(whole); return null; }
        int month = int.Parse(ms, CultureInfo.InvariantCulture);
        if (month is >= 21 and <= 24)
        {
            if (i != s.Length) { problem = Invalid(whole); return null; }
            var (se, sl) = SeasonBounds(yearLow, yearHigh, month);
            return new EdtfPoint(year, null, month, null, null, null, null, null, DatePrecision.Season, q, unspecified, se, sl);
        }
        if (month is >= 25 and <= 41)
        {
            problem = new DateProblem(InvalidDateRule.Rule,
                $"'{whole}' uses a season code ({month}) this checker does not read; " +
                "the accepted seasons are 21 spring, 22 summer, 23 autumn, 24 winter",
                Array.Empty<DateFix>());
            return null;
        }
        if (month is < 1 or > 12) { problem = Impossible(whole, $"there is no month {month}"); return null; }
        if (unspecified && i < s.Length) { problem = Invalid(whole); return null; }
        if (i == s.Length)
            return new EdtfPoint(year, month, null, null, null, null, null, null, DatePrecision.Month, q, unspecified,
                MonthStart(yearLow, month), MonthEnd(yearHigh, month));
        if (s[i] != '-' || s.Length < i + 3) { problem = Invalid(whole); return null; }
        string dstr = s.Substring(i + 1, 2);
        i += 3;
        if (dstr == "XX")
        {
            if (i != s.Length) { problem = Invalid(whole); return null; }
            return new EdtfPoint(year, month, null, null, null, null, null, null, DatePrecision.Day, q, true,
                MonthStart(year, month), MonthEnd(year, month));
        }
        if (!dstr.All(char.IsAsciiDigit)) { problem = Invalid(whole); return null; }
        int day = int.Parse(dstr, CultureInfo.InvariantCulture);
        int dim = DaysIn(year, month);
        if (day < 1 || day > dim)
        {
            problem = Impossible(whole, day < 1 ? "there is no day 0" : month == 2 && day == 29
                ? $"{year} is not a leap year" : $"{MonthName(month)} has {dim} days");
            return null;
        }
        if (i == s.Length)
            return new EdtfPoint(year, month, null, day, null, null, null, null, DatePrecision.Day, q, false,
                DayStart(year, month, day), DayEnd(year, month, day));
        if (s[i] != 'T' || q != DateQualifiers.None) { problem = Invalid(whole); return null; }
        i++;
        // hh:mm[:ss][Z|+hh[:mm]|-hh[:mm]]
        if (!TwoDigits(s, i, out int hour) || s.Length <= i + 2 || s[i + 2] != ':' || !TwoDigits(s, i + 3, out int minute))
        {
            problem = Invalid(whole);
            return null;
        }
        i += 5;
        int? second = null;
        if (i < s.Length && s[i] == ':')
        {
            if (!TwoDigits(s, i + 1, out int sec)) { problem = Invalid(whole); return null; }
            second = sec;
            i += 3;
        }
        TimeSpan? offset = null;
        if (i < s.Length)
        {
            if (s[i] == 'Z' && i + 1 == s.Length) offset = TimeSpan.Zero;
            else if ((s[i] == '+' || s[i] == '-') && TwoDigits(s, i + 1, out int oh))
            {
                int om = 0;
                int j = i + 3;
                if (j < s.Length)
                {
                    if (s[j] == ':') j++;
                    if (!TwoDigits(s, j, out om) || j + 2 != s.Length) { problem = Invalid(whole); return null; }
                }
                if (oh > 14 || om > 59) { problem = Impossible(whole, "the UTC offset is out of range"); return null; }
                offset = new TimeSpan(oh, om, 0) * (s[i] == '-' ? -1 : 1);
            }
            else { problem = Invalid(whole); return null; }
        }
        if (hour > 23) { problem = Impossible(whole, $"there is no hour {hour}"); return null; }
        if (minute > 59) { problem = Impossible(whole, $"there is no minute {minute}"); return null; }
        if (second > 59) { problem = Impossible(whole, $"there is no second {second}"); return null; }
        var zone = offset ?? defaultOffset ?? TimeSpan.Zero;
        if (year < 1 || year > 9999)
            return new EdtfPoint(year, month, null, day, hour, minute, second, offset, second is null
                ? DatePrecision.Minute : DatePrecision.Second, q, false, DayStart(year, month, day), DayEnd(year, month, day));
        var local = new DateTime((int)year, month, day, hour, minute, second ?? 0, DateTimeKind.Unspecified);
        var utc = DateTime.SpecifyKind(local - zone, DateTimeKind.Utc);
        var last = second is null ? utc.AddMinutes(1).AddTicks(-1) : utc.AddSeconds(1).AddTicks(-1);
        return new EdtfPoint(year, month, null, day, hour, minute, second, offset, second is null
            ? DatePrecision.Minute : DatePrecision.Second, q, false, utc, last);
    }

    private static bool TwoDigits(string s, int i, out int value)
    {
        value = 0;
        if (i + 2 > s.Length || !char.IsAsciiDigit(s[i]) || !char.IsAsciiDigit(s[i + 1])) return false;
        value = (s[i] - '0') * 10 + (s[i + 1] - '0');
        return true;
    }

    internal static bool InRange(long year) => year is >= 1 and <= 9999;

    public static int DaysIn(long year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month is 4 or 6 or 9 or 11 ? 30 : 31;

    internal static DateTime YearStart(long y) => y < 1 ? DateTime.MinValue : y > 9999 ? DateTime.MaxValue
        : new DateTime((int)y, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    internal static DateTime YearEnd(long y) => y < 1 ? DateTime.MinValue : y >= 9999 ? DateTime.MaxValue
        : new DateTime((int)y + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1);
    internal static DateTime MonthStart(long y, int m) => InRange(y) ? new DateTime((int)y, m, 1, 0, 0, 0, DateTimeKind.Utc) : YearStart(y);
    internal static DateTime MonthEnd(long y, int m) => InRange(y)
        ? new DateTime((int)y, m, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).AddTicks(-1) : YearEnd(y);
    internal static DateTime DayStart(long y, int m, int d) => InRange(y) ? new DateTime((int)y, m, d, 0, 0, 0, DateTimeKind.Utc) : YearStart(y);
    internal static DateTime DayEnd(long y, int m, int d) => InRange(y)
        ? new DateTime((int)y, m, d, 0, 0, 0, DateTimeKind.Utc).AddDays(1).AddTicks(-1) : YearEnd(y);

    private static (DateTime, DateTime) SeasonBounds(long yLow, long yHigh, int season)
    {
        if (!InRange(yLow) || !InRange(yHigh) || yHigh >= 9999) return (YearStart(yLow), YearEnd(yHigh));
        return season switch
        {
            21 => (MonthStart(yLow, 3), MonthEnd(yHigh, 5)),
            22 => (MonthStart(yLow, 6), MonthEnd(yHigh, 8)),
            23 => (MonthStart(yLow, 9), MonthEnd(yHigh, 11)),
            _ => (MonthStart(yLow, 12), MonthEnd(yHigh + 1, 2)),
        };
    }

    public static readonly string[] MonthNames = { "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December" };
    public static string MonthName(int m) => MonthNames[m - 1];
}
