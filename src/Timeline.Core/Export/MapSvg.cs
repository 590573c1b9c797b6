using System.Globalization;
using System.Net;
using System.Text;

namespace Timeline.Core.Export;

/// <summary>A place drawn on the map: where, what it is called, whether the point is approximate, which events happened there.</summary>
public sealed record MapPlace(string Key, string Name, double Latitude, double Longitude, bool Approximate, IReadOnlyList<string> EventIds,
    IReadOnlyList<string> Stands);

/// <summary>
/// The map of the HTML page, drawn here as SVG so the page fetches nothing: Natural Earth's land and borders
/// (the embedded Map/land.txt that tools/map/build.mjs makes), clipped to the events' area and projected
/// equirectangularly about its middle latitude, which keeps shapes true at the scale of a region.
/// </summary>
public static class MapSvg
{
    public const double Width = 640;
    private const double MinHeight = 360, MaxHeight = 620;

    private sealed record Shape(bool Land, int[] Points, int MinX, int MinY, int MaxX, int MaxY);

    private sealed record CountryName(string Name, double Longitude, double Latitude);

    private static readonly Lazy<(IReadOnlyList<Shape> Shapes, IReadOnlyList<CountryName> Names)> Data = new(Load);

    /// <summary>The land and borders, in hundredths of a degree, longitude then latitude; the countries' names.</summary>
    private static (IReadOnlyList<Shape>, IReadOnlyList<CountryName>) Load()
    {
        using var stream = typeof(MapSvg).Assembly.GetManifestResourceStream("Timeline.Core.Export.Map.land.txt")
            ?? throw new InvalidOperationException("the map data is missing from the build");
        using var reader = new StreamReader(stream);
        var shapes = new List<Shape>();
        var names = new List<CountryName>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 2 || line[0] == '#') continue;
            if (line[0] == 'N')
            {
                var n = line.Split(' ', 4);
                double longitude = int.Parse(n[1], CultureInfo.InvariantCulture) / 100.0;
                double latitude = int.Parse(n[2], CultureInfo.InvariantCulture) / 100.0;
                names.Add(new CountryName(n[3], longitude, latitude));
                continue;
            }
            var parts = line.Split(' ');
            var pts = new int[parts.Length - 1];
            int x = 0, y = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = int.MinValue, maxY = int.MinValue;
            for (int i = 1; i + 1 < parts.Length; i += 2)
            {
                x += int.Parse(parts[i], CultureInfo.InvariantCulture);
                y += int.Parse(parts[i + 1], CultureInfo.InvariantCulture);
                pts[i - 1] = x; pts[i] = y;
                minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
            }
            shapes.Add(new Shape(parts[0] == "L", pts, minX, minY, maxX, maxY));
        }
        return (shapes, names);
    }

    /// <summary>The view around the places: their extent with a margin, at least a degree across.</summary>
    private sealed class View
    {
        public double West, East, South, North, Cos, Scale, Height;

        public View(IReadOnlyList<MapPlace> places)
        {
            double w = places.Min(p => p.Longitude), e = places.Max(p => p.Longitude);
            double s = places.Min(p => p.Latitude), n = places.Max(p => p.Latitude);
            double midLat = (s + n) / 2, midLon = (w + e) / 2;
            Cos = Math.Max(0.2, Math.Cos(midLat * Math.PI / 180));
            double lonSpan = Math.Max((e - w) * 1.5, 1.0), latSpan = Math.Max((n - s) * 1.5, 1.0 * Cos);
            Scale = Width / (lonSpan * Cos);
            Height = latSpan * Scale;
            if (Height < MinHeight) { latSpan = MinHeight / Scale; Height = MinHeight; }
            if (Height > MaxHeight) { Scale = MaxHeight / latSpan; lonSpan = Width / (Scale * Cos); Height = MaxHeight; }
            West = midLon - lonSpan / 2; East = midLon + lonSpan / 2;
            South = Math.Max(-89.9, midLat - latSpan / 2); North = Math.Min(89.9, midLat + latSpan / 2);
        }

        public double X(double lon) => (lon - West) * Cos * Scale;
        public double Y(double lat) => (North - lat) * Scale;
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string H(string s) => WebUtility.HtmlEncode(s);

    /// <summary>The map as an SVG element; empty when no place has coordinates.</summary>
    public static string Render(IReadOnlyList<MapPlace> places)
    {
        if (places.Count == 0) return "";
        var v = new View(places);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"map\" viewBox=\"0 0 {F(Width)} {F(v.Height)}\" role=\"img\" ")
          .Append("aria-labelledby=\"map-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append("<title id=\"map-title\">Map of the events' places</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"sea\" width=\"{F(Width)}\" height=\"{F(v.Height)}\"/>");
        // A margin of a tenth of the view keeps clipped edges out of sight.
        double mLon = (v.East - v.West) / 10, mLat = (v.North - v.South) / 10;
        int cw = (int)Math.Floor((v.West - mLon) * 100), ce = (int)Math.Ceiling((v.East + mLon) * 100);
        int cs = (int)Math.Floor((v.South - mLat) * 100), cn = (int)Math.Ceiling((v.North + mLat) * 100);
        var land = new StringBuilder();
        var borders = new StringBuilder();
        foreach (var shape in Data.Value.Shapes)
        {
            if (shape.MaxX < cw || shape.MinX > ce || shape.MaxY < cs || shape.MinY > cn) continue;
            if (shape.Land) AppendPath(land, ClipRing(shape.Points, cw, cs, ce, cn), v, true);
            else foreach (var run in ClipLine(shape.Points, cw, cs, ce, cn)) AppendPath(borders, run, v, false);
        }
        sb.Append("<path class=\"land\" d=\"").Append(land).Append("\"/>");
        sb.Append("<path class=\"border\" d=\"").Append(borders).Append("\"/>");
        foreach (var c in Data.Value.Names)
        {
            double x = v.X(c.Longitude), y = v.Y(c.Latitude);
            if (x < 30 || x > Width - 30 || y < 16 || y > v.Height - 10) continue;
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"country\" x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"middle\">{H(c.Name)}</text>");
        }
        var shown = Labelled(places, v);
        // Approximate places first, so that exact points are drawn over their circles.
        foreach (var p in places.OrderByDescending(p => p.Approximate).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            double x = v.X(p.Longitude), y = v.Y(p.Latitude);
            int n = p.EventIds.Count;
            double r = Radius(p);
            string stands = p.Stands.Count > 0 ? ", standing in for " + string.Join("; ", p.Stands) : p.Approximate ? " (approximate)" : "";
            string what = string.Create(CultureInfo.InvariantCulture, $"{p.Name}{stands}: {n} event{(n == 1 ? "" : "s")}");
            sb.Append(CultureInfo.InvariantCulture,
                $"<g class=\"place{(p.Approximate ? " approx" : "")}\" data-place=\"{H(p.Key)}\" data-events=\"{H(string.Join(' ', p.EventIds))}\" ");
            sb.Append(CultureInfo.InvariantCulture, $"tabindex=\"0\" role=\"button\" aria-label=\"{H(what)}\">");
            sb.Append("<title>").Append(H(what)).Append("</title>");
            if (p.Approximate) sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"area\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r + 10)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\"/>");
            var (lx, ly, anchor) = LabelAt(p, v);
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"label{(shown.Contains(p.Key) ? " shown" : "")}\" ")
              .Append(CultureInfo.InvariantCulture, $"x=\"{F(lx)}\" y=\"{F(ly)}\" text-anchor=\"{anchor}\">{H(p.Name)}</text></g>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static double Radius(MapPlace p) => 4 + Math.Min(6, Math.Sqrt(p.EventIds.Count) * 1.5);

    private static (double X, double Y, string Anchor) LabelAt(MapPlace p, View v)
    {
        double x = v.X(p.Longitude), y = v.Y(p.Latitude), r = Radius(p);
        return x > Width * 0.7 ? (x - r - 4, y + 4, "end") : (x + r + 4, y + 4, "start");
    }

    /// <summary>The places whose names are always shown: exact places and those with most events first, none over another.</summary>
    private static HashSet<string> Labelled(IReadOnlyList<MapPlace> places, View v)
    {
        var taken = new List<(double X0, double Y0, double X1, double Y1)>();
        foreach (var p in places) { double x = v.X(p.Longitude), y = v.Y(p.Latitude), r = Radius(p); taken.Add((x - r, y - r, x + r, y + r)); }
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in places.OrderBy(p => p.Approximate).ThenByDescending(p => p.EventIds.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var (lx, ly, anchor) = LabelAt(p, v);
            double w = p.Name.Length * 6.4;
            var box = anchor == "end" ? (lx - w, ly - 11, lx, ly + 3) : (lx, ly - 11, lx + w, ly + 3);
            if (box.Item1 < 0 || box.Item3 > Width) continue;
            if (taken.Any(t => t.X0 < box.Item3 && box.Item1 < t.X1 && t.Y0 < box.Item4 && box.Item2 < t.Y1 && !Own(t, p, v))) continue;
            taken.Add(box);
            shown.Add(p.Key);
        }
        return shown;
    }

    private static bool Own((double X0, double Y0, double X1, double Y1) t, MapPlace p, View v)
    {
        double x = v.X(p.Longitude), y = v.Y(p.Latitude), r = Radius(p);
        return t == (x - r, y - r, x + r, y + r);
    }

    private static void AppendPath(StringBuilder sb, List<(int X, int Y)> pts, View v, bool closed)
    {
        if (pts.Count < 2) return;
        double px = 0, py = 0;
        for (int i = 0; i < pts.Count; i++)
        {
            double x = Math.Round(v.X(pts[i].X / 100.0), 1), y = Math.Round(v.Y(pts[i].Y / 100.0), 1);
            if (i == 0) sb.Append('M').Append(F(x)).Append(' ').Append(F(y));
            else if (x != px || y != py) sb.Append('l').Append(F(x - px)).Append(' ').Append(F(y - py));
            px = x; py = y;
        }
        if (closed) sb.Append('z');
    }

    /// <summary>Sutherland–Hodgman: a ring cut to the rectangle (the cut runs along its edges, outside the view).</summary>
    private static List<(int X, int Y)> ClipRing(int[] flat, int w, int s, int e, int n)
    {
        var pts = new List<(int X, int Y)>(flat.Length / 2);
        for (int i = 0; i + 1 < flat.Length; i += 2) pts.Add((flat[i], flat[i + 1]));
        pts = ClipEdge(pts, p => p.X >= w, (a, b) => Cross(a, b, w, true));
        pts = ClipEdge(pts, p => p.X <= e, (a, b) => Cross(a, b, e, true));
        pts = ClipEdge(pts, p => p.Y >= s, (a, b) => Cross(a, b, s, false));
        pts = ClipEdge(pts, p => p.Y <= n, (a, b) => Cross(a, b, n, false));
        return pts;
    }

    private static List<(int X, int Y)> ClipEdge(
        List<(int X, int Y)> pts, Func<(int X, int Y), bool> inside, Func<(int X, int Y), (int X, int Y), (int X, int Y)> cross)
    {
        var result = new List<(int X, int Y)>(pts.Count);
        for (int i = 0; i < pts.Count; i++)
        {
            var cur = pts[i];
            var prev = pts[(i + pts.Count - 1) % pts.Count];
            bool ci = inside(cur), pi = inside(prev);
            if (ci)
            {
                if (!pi) result.Add(cross(prev, cur));
                result.Add(cur);
            }
            else if (pi) result.Add(cross(prev, cur));
        }
        return result;
    }

    private static (int X, int Y) Cross((int X, int Y) a, (int X, int Y) b, int at, bool vertical)
    {
        if (vertical)
        {
            double t = (double)(at - a.X) / (b.X - a.X);
            return (at, (int)Math.Round(a.Y + t * (b.Y - a.Y)));
        }
        double u = (double)(at - a.Y) / (b.Y - a.Y);
        return ((int)Math.Round(a.X + u * (b.X - a.X)), at);
    }

    /// <summary>A line cut into the runs that cross the rectangle, each with one point either side of it.</summary>
    private static List<List<(int X, int Y)>> ClipLine(int[] flat, int w, int s, int e, int n)
    {
        var runs = new List<List<(int X, int Y)>>();
        List<(int X, int Y)>? run = null;
        int count = flat.Length / 2;
        bool Inside(int i) => flat[2 * i] >= w && flat[2 * i] <= e && flat[2 * i + 1] >= s && flat[2 * i + 1] <= n;
        for (int i = 0; i < count; i++)
        {
            bool near = Inside(i) || (i > 0 && Inside(i - 1)) || (i + 1 < count && Inside(i + 1));
            if (near) (run ??= new List<(int X, int Y)>()).Add((flat[2 * i], flat[2 * i + 1]));
            else if (run is not null) { runs.Add(run); run = null; }
        }
        if (run is not null) runs.Add(run);
        return runs;
    }
}
