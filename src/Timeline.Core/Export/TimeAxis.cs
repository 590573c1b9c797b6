using System.Globalization;
using System.Net;
using System.Text;
using Timeline.Core.Dates;

namespace Timeline.Core.Export;

/// <summary>
/// The HTML page's time axis, as SVG. Each dated event gets an equal share of the width, in date order, so a
/// period takes room in proportion to its events: sixteen events in three days are spread out, not piled into
/// a pixel beside 2016. Under it, an overview on a true time scale shows where each period lies, joined to
/// its stretch of the axis above.
/// </summary>
public static class TimeAxis
{
    private const double AxisTop = 6, MarkHeight = 18, LaneTop = 28, LaneStep = 5, MaxLanes = 6;
    /// <summary>The width the labels are spaced for, in pixels: a label's share of the axis is its length over this.</summary>
    private const double AssumedWidth = 1000, CharWidth = 6.6;

    private static string P(double v) => v.ToString("0.###", CultureInfo.InvariantCulture) + "%";
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string H(string s) => WebUtility.HtmlEncode(s);

    private sealed record Tick(double At, string Label, string Anchor, int Level);

    public static string Render(IReadOnlyList<ChronologyEvent> events)
    {
        var dated = events.Where(e => e.Date is { } d && d.Earliest != DateTime.MinValue && d.Earliest.Year is > 1 and < 9999).ToList();
        if (dated.Count == 0) return "";
        int n = dated.Count;
        double slot = 100.0 / n;

        // Intervals: a thin bar under the marks, from the event to the last event that starts before it ends.
        var lanes = new List<double>();
        var bars = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            var d = dated[i].Date!;
            if (!d.IsInterval || d.Latest == DateTime.MaxValue) continue;
            int j = i;
            while (j + 1 < n && dated[j + 1].Date!.Earliest <= d.Latest) j++;
            if (j == i) continue;
            double x0 = i * slot + slot * 0.1, x1 = (j + 1) * slot - slot * 0.1;
            int lane = lanes.FindIndex(end => end <= x0);
            if (lane < 0 && lanes.Count < MaxLanes) { lanes.Add(0); lane = lanes.Count - 1; }
            if (lane < 0) continue;
            lanes[lane] = x1;
            bars.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"span {H(dated[i].Event.Status)}\" data-id=\"{H(dated[i].Event.Id)}\" "
                + $"x=\"{P(x0)}\" y=\"{F(LaneTop + lane * LaneStep)}\" width=\"{P(x1 - x0)}\" height=\"3\"/>");
        }
        double tickTop = LaneTop + Math.Max(1, lanes.Count) * LaneStep + 12;
        double overviewTop = tickTop + 52, height = overviewTop + 34;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"axis\" width=\"100%\" height=\"{F(height)}\" role=\"group\" ")
          .Append("xmlns=\"http://www.w3.org/2000/svg\" ")
          .Append("aria-label=\"Time axis: each event has an equal share of the width, in date order; ")
          .Append("below, the same periods on a true time scale\">");
        // The periods: runs of events with no long gap between them.
        var periods = Periods(dated);
        foreach (var (a, b) in periods)
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"period\" x=\"{P(a * slot)}\" y=\"{F(AxisTop - 3)}\" ")
              .Append(CultureInfo.InvariantCulture, $"width=\"{P((b - a + 1) * slot)}\" height=\"{F(MarkHeight + 6)}\"/>");
        for (int i = 0; i < n; i++)
        {
            var e = dated[i];
            sb.Append(CultureInfo.InvariantCulture, $"<a class=\"mark {H(e.Event.Status)}\" data-id=\"{H(e.Event.Id)}\" href=\"#{H(e.Event.Id)}\">")
              .Append(CultureInfo.InvariantCulture, $"<title>{H(e.DisplayDate)}: {H(e.Title)}</title>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{P(i * slot + slot * 0.12)}\" y=\"{F(AxisTop)}\" width=\"{P(slot * 0.76)}\" height=\"{F(MarkHeight)}\" rx=\"2\"/></a>");
        }
        sb.Append(bars);
        foreach (var t in Ticks(dated, slot))
        {
            Line(sb, "tick", t.At, tickTop - 10, t.At, tickTop - 4);
            double x = t.Anchor switch { "start" => 0, "end" => 100, _ => t.At };
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick-label\" data-level=\"{t.Level}\" x=\"{P(x)}\" y=\"{F(tickTop + 8)}\" ")
              .Append(CultureInfo.InvariantCulture, $"text-anchor=\"{t.Anchor}\">{H(t.Label)}</text>");
        }

        // The overview: true time, the whole span; each period joined to its stretch of the axis above.
        var min = dated[0].Date!.Earliest;
        var max = dated.Max(LastMoment);
        if (max <= min) max = min.AddDays(1);
        double Pos(DateTime t) => Math.Clamp((t - min).TotalSeconds / (max - min).TotalSeconds * 100, 0, 100);
        double lineY = overviewTop + 10;
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"overview-line\" x1=\"0%\" x2=\"100%\" y1=\"{F(lineY)}\" y2=\"{F(lineY)}\"/>");
        foreach (var (a, b) in periods)
        {
            double o0 = Pos(dated[a].Date!.Earliest), o1 = Pos(dated.Skip(a).Take(b - a + 1).Max(LastMoment));
            Line(sb, "join", a * slot, tickTop + 14, o0, lineY - 6);
            Line(sb, "join", (b + 1) * slot, tickTop + 14, Math.Max(o1, o0 + 0.3), lineY - 6);
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"overview-period\" x=\"{P(o0)}\" y=\"{F(lineY - 6)}\" width=\"{P(Math.Max(0.3, o1 - o0))}\" height=\"12\"/>");
        }
        foreach (var e in dated)
        {
            double x = Pos(e.Date!.Earliest);
            Line(sb, "overview-mark " + H(e.Event.Status), x, lineY - 4, x, lineY + 4, e.Event.Id);
        }
        foreach (var (at, label) in OverviewYears(min, max, Pos))
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"year-label\" x=\"{P(at)}\" y=\"{F(lineY + 20)}\" text-anchor=\"middle\">{label}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static DateTime LastMoment(ChronologyEvent e) => e.Date!.Latest == DateTime.MaxValue ? e.Date.Earliest : e.Date.Latest;

    /// <summary>A line from (x1, y1) to (x2, y2): x in percent of the width, y in pixels.</summary>
    private static void Line(StringBuilder sb, string cls, double x1, double y1, double x2, double y2, string? eventId = null) =>
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"{cls}\"{(eventId is null ? "" : $" data-id=\"{H(eventId)}\"")} ")
          .Append(CultureInfo.InvariantCulture, $"x1=\"{P(x1)}\" y1=\"{F(y1)}\" x2=\"{P(x2)}\" y2=\"{F(y2)}\"/>");

    /// <summary>Runs of events with no gap longer than a fortieth of the whole span (and at least a week) between starts.</summary>
    private static List<(int First, int Last)> Periods(List<ChronologyEvent> dated)
    {
        var span = dated[^1].Date!.Earliest - dated[0].Date!.Earliest;
        var gap = TimeSpan.FromTicks(Math.Max(TimeSpan.FromDays(7).Ticks, span.Ticks / 40));
        var list = new List<(int, int)>();
        int start = 0;
        for (int i = 1; i <= dated.Count; i++)
            if (i == dated.Count || dated[i].Date!.Earliest - dated[i - 1].Date!.Earliest > gap) { list.Add((start, i - 1)); start = i; }
        return list;
    }

    /// <summary>
    /// Labels where a year, then a month, then a day begins, coarsest first, each only where it has room;
    /// a label at a place already labelled replaces it with the finer one when that fits.
    /// </summary>
    private static List<Tick> Ticks(List<ChronologyEvent> dated, double slot)
    {
        var placed = new SortedList<double, string>();
        var levels = new Dictionary<double, int>();
        double Share(string label) => (label.Length * CharWidth + 14) / AssumedWidth * 100;
        // A label is centred on its mark, or starts or ends at the axis's edge when it would cross it.
        (double From, double To) Extent(double at, string label)
        {
            double w = Share(label), from = Math.Clamp(at - w / 2, 0, 100 - w);
            return (from, from + w);
        }
        bool Fits(double at, string label, double? except)
        {
            var (from, to) = Extent(at, label);
            foreach (var (x, l) in placed)
                if (x != except && Extent(x, l) is var (f, t) && from < t && f < to) return false;
            return true;
        }
        for (int level = 0; level < 3; level++)
        {
            EdtfPoint? prev = null;
            for (int i = 0; i < dated.Count; i++)
            {
                var p = dated[i].Date!.Start ?? dated[i].Date!.End;
                if (p is null) continue;
                bool changes = prev is null || level switch
                {
                    0 => p.Year != prev.Year,
                    1 => p.Year != prev.Year || (p.Month is not null && p.Month != prev.Month),
                    _ => p.Year != prev.Year || p.Month != prev.Month || (p.Day is not null && p.Day != prev.Day),
                };
                bool precise = level switch { 0 => true, 1 => p.Month is not null && !p.HasUnspecified, _ => p.Day is not null && !p.HasUnspecified };
                var before = prev;
                prev = p;
                if (!changes || !precise) continue;
                double at = i * slot + slot / 2;
                string label = level switch
                {
                    0 => p.Year.ToString(CultureInfo.InvariantCulture),
                    1 => $"{Edtf.MonthName(p.Month!.Value)[..3]} {p.Year}",
                    _ => $"{p.Day} {Edtf.MonthName(p.Month!.Value)[..3]}" + (before is not null && before.Year == p.Year ? "" : $" {p.Year}"),
                };
                // A finer label replaces a coarser one only when it says more: "Mar 2020" for "2020", not "1 Jan 2012" for "2012".
                bool saysMore = level == 1 ? p.Month != 1 : p.Day != 1;
                if (placed.ContainsKey(at)) { if (saysMore && Fits(at, label, at)) { placed[at] = label; levels[at] = level; } }
                else if (Fits(at, label, null)) { placed.Add(at, label); levels[at] = level; }
            }
        }
        return placed.Select(p => new Tick(p.Key, p.Value, Extent(p.Key, p.Value) is var (f, t) && Math.Abs((f + t) / 2 - p.Key) > 0.01
            ? (f <= 0 ? "start" : "end") : "middle", levels[p.Key])).ToList();
    }

    /// <summary>Years on the overview, at most eight, evenly stepped.</summary>
    private static IEnumerable<(double At, string Label)> OverviewYears(DateTime min, DateTime max, Func<DateTime, double> pos)
    {
        int first = min.Year, last = max.Year;
        if (first == last) { yield return (pos(min), first.ToString(CultureInfo.InvariantCulture)); yield break; }
        int step = Math.Max(1, (int)Math.Ceiling((last - first + 1) / 8.0));
        for (int y = first; y <= last; y += step)
        {
            var t = new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            if (t >= min && t <= max) yield return (Math.Clamp(pos(t), 2, 98), y.ToString(CultureInfo.InvariantCulture));
        }
    }
}
