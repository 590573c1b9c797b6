using System.Globalization;

namespace Timeline.Core.Dates;

/// <summary>Dates in words, for hover, exports and messages.</summary>
public static class DateWords
{
    public static string Describe(EdtfDate d)
    {
        if (!d.IsInterval) return Point(d.Start!);
        string a = d.StartKind switch { IntervalEnd.Open => "open start", IntervalEnd.Unknown => "unknown start", _ => "" };
        string b = d.EndKind switch { IntervalEnd.Open => "open end", IntervalEnd.Unknown => "unknown end", _ => "" };
        if (d.Start is { } s && d.End is { } e)
        {
            // Collapse "27 November 2024 – 29 November 2024" to "27–29 November 2024".
            if (s.Precision == DatePrecision.Day && e.Precision == DatePrecision.Day && !s.HasUnspecified && !e.HasUnspecified
                && s.Qualifiers == DateQualifiers.None && e.Qualifiers == DateQualifiers.None)
            {
                if (s.Year == e.Year && s.Month == e.Month) return $"{s.Day}–{e.Day} {Edtf.MonthName(s.Month!.Value)} {s.Year}";
                if (s.Year == e.Year) return $"{s.Day} {Edtf.MonthName(s.Month!.Value)} – {e.Day} {Edtf.MonthName(e.Month!.Value)} {s.Year}";
            }
            return $"{Point(s)} – {Point(e)}";
        }
        if (d.Start is { } only) return d.EndKind == IntervalEnd.Open ? $"from {Point(only)} on" : $"from {Point(only)} ({b})";
        return d.StartKind == IntervalEnd.Open ? $"up to {Point(d.End!)}" : $"up to {Point(d.End!)} ({a})";
    }

    public static string Point(EdtfPoint p)
    {
        string core;
        if (p.HasUnspecified)
        {
            core = p.Precision switch
            {
                DatePrecision.Year => p.Earliest.Year + "s",
                DatePrecision.Month when p.Month is null => $"some month of {p.Year}",
                DatePrecision.Day when p.Month is null => $"some day of {p.Year}",
                DatePrecision.Day => $"some day in {Edtf.MonthName(p.Month!.Value)} {p.Year}",
                DatePrecision.Season => $"{Season(p.Season!.Value)} of the {p.Earliest.Year}s",
                _ => $"{Edtf.MonthName(p.Month!.Value)} of the {p.Earliest.Year}s",
            };
        }
        else
        {
            core = p.Precision switch
            {
                DatePrecision.Year => Year(p.Year),
                DatePrecision.Season => $"{Season(p.Season!.Value)} {Year(p.Year)}",
                DatePrecision.Month => $"{Edtf.MonthName(p.Month!.Value)} {Year(p.Year)}",
                DatePrecision.Day => Day(p),
                _ => $"{Day(p)}, {p.Hour:00}:{p.Minute:00}{(p.Second is { } s ? $":{s:00}" : "")}{Offset(p.Offset)}",
            };
        }
        if (p.Qualifiers.HasFlag(DateQualifiers.Approximate)) core = "c. " + core;
        if (p.Qualifiers.HasFlag(DateQualifiers.Uncertain)) core += " (uncertain)";
        return core;
    }

    private static string Day(EdtfPoint p)
    {
        string weekday = Edtf.InRange(p.Year) ? new DateTime((int)p.Year, p.Month!.Value, p.Day!.Value).DayOfWeek + " " : "";
        return $"{weekday}{p.Day} {Edtf.MonthName(p.Month!.Value)} {Year(p.Year)}";
    }

    private static string Year(long y) => y < 0 ? $"{-y} BCE" : y.ToString(CultureInfo.InvariantCulture);
    private static string Season(int s) => s switch { 21 => "spring", 22 => "summer", 23 => "autumn", _ => "winter" };
    private static string Offset(TimeSpan? o) => o is null ? "" : o == TimeSpan.Zero ? " UTC"
        : $" UTC{(o < TimeSpan.Zero ? "-" : "+")}{o.Value.Duration():hh\\:mm}";

    /// <summary>A bound in ISO form for messages: 2024-11-29 or 2024-11-29T06:30Z.</summary>
    public static string Bound(DateTime t) =>
        t == DateTime.MinValue ? "(open)" : t == DateTime.MaxValue ? "(open)" :
        t.TimeOfDay == TimeSpan.Zero || t.TimeOfDay == new TimeSpan(TimeSpan.TicksPerDay - 1) ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
