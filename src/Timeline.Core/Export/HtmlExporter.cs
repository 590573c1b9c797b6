using System.Globalization;
using System.Net;
using System.Text;

namespace Timeline.Core.Export;

/// <summary>A self-contained HTML page: a time axis, the chronology, filters by actor, place and status. No network.</summary>
public static class HtmlExporter
{
    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Write(Chronology c)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<title>{H(c.Title)}</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n");
        sb.Append($"<header><h1>{H(c.Title)}</h1>");
        if (c.Description is { } d) sb.Append($"<p class=\"description\">{H(d.Trim())}</p>");
        sb.Append("</header>\n");

        // Filters
        var actors = c.Events.SelectMany(e => e.Actors.Select(a => (a.Id, Name: a.Actor?.DisplayName ?? a.Id))).DistinctBy(a => a.Id).OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
        var places = c.Events.SelectMany(e => e.Places.Select(p => (p.Id, Name: p.Place?.DisplayName ?? p.Id))).DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var statuses = c.Events.Select(e => e.Event.Status).Distinct().Order(StringComparer.Ordinal).ToList();
        sb.Append("<nav class=\"filters\" aria-label=\"Filters\">\n");
        Select(sb, "actor", "Actor", actors);
        Select(sb, "place", "Place", places);
        Select(sb, "status", "Status", statuses.Select(s => (s, s)).ToList());
        sb.Append("<span id=\"count\" aria-live=\"polite\"></span>\n</nav>\n");

        // Time axis: events placed by their earliest date.
        var dated = c.Events.Where(e => e.Date is { } dt && dt.Earliest != DateTime.MinValue && dt.Earliest.Year is > 1 and < 9999).ToList();
        if (dated.Count > 0)
        {
            var min = dated.Min(e => e.Date!.Earliest);
            var max = dated.Max(e => e.Date!.Latest == DateTime.MaxValue ? e.Date.Earliest : e.Date.Latest);
            if (max <= min) max = min.AddDays(1);
            double Pos(DateTime t) => Math.Clamp((t - min).TotalSeconds / (max - min).TotalSeconds * 100, 0, 100);
            sb.Append("<section class=\"axis\" aria-label=\"Time axis\">\n<div class=\"line\"></div>\n");
            for (int y = min.Year; y <= max.Year; y++)
            {
                var t = new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                if (t < min) continue;
                sb.Append(CultureInfo.InvariantCulture, $"<span class=\"tick\" style=\"left:{Pos(t):0.###}%\">{y}</span>\n");
            }
            foreach (var e in dated)
            {
                double a = Pos(e.Date!.Earliest), b = e.Date.Latest == DateTime.MaxValue ? a : Pos(e.Date.Latest);
                sb.Append(CultureInfo.InvariantCulture, $"<a class=\"mark {H(e.Event.Status)}\" data-id=\"{H(e.Event.Id)}\" href=\"#{H(e.Event.Id)}\" title=\"{H(e.DisplayDate)}: {H(e.Title)}\" style=\"left:{a:0.###}%;width:max(0.6rem,{b - a:0.###}%)\"></a>\n");
            }
            sb.Append(CultureInfo.InvariantCulture, $"<span class=\"bound start\">{H(min.ToString("d MMM yyyy", CultureInfo.InvariantCulture))}</span><span class=\"bound end\">{H(max.ToString("d MMM yyyy", CultureInfo.InvariantCulture))}</span>\n</section>\n");
        }

        // The chronology
        sb.Append("<main>\n<ol class=\"events\">\n");
        foreach (var e in c.Events)
        {
            string actorIds = string.Join(' ', e.Actors.Select(a => a.Id));
            string placeIds = string.Join(' ', e.Places.Select(p => p.Id));
            sb.Append($"<li class=\"event {H(e.Event.Status)}\" id=\"{H(e.Event.Id)}\" data-actors=\"{H(actorIds)}\" data-places=\"{H(placeIds)}\" data-status=\"{H(e.Event.Status)}\">\n");
            sb.Append($"<p class=\"date\">{H(e.DisplayDate)}{(e.Event.Status != "reported" ? $" <span class=\"badge\">{H(e.Event.Status)}</span>" : "")}</p>\n");
            sb.Append($"<h2>{H(e.Title)}</h2>\n");
            if (e.Places.Count > 0 || e.Actors.Count > 0)
            {
                sb.Append("<p class=\"meta\">");
                if (e.Places.Count > 0) sb.Append("Where: ").Append(H(string.Join(", ", e.Places.Select(p => p.Place?.DisplayName ?? p.Id)))).Append(". ");
                if (e.Actors.Count > 0) sb.Append("Who: ").Append(H(string.Join(", ", e.Actors.Select(a => a.Actor?.DisplayName ?? a.Id)))).Append('.');
                sb.Append("</p>\n");
            }
            if (e.Event.Summary is { } s) sb.Append($"<p>{H(s.Trim())}</p>\n");
            if (e.Claims.Count > 0)
            {
                sb.Append("<ul class=\"claims\">\n");
                foreach (var (cl, by, src) in e.Claims)
                    sb.Append($"<li class=\"{H(cl.Stance)}\"><strong>{H(by?.DisplayName ?? cl.By?.Id)}</strong> {H(cl.Stance)}{(cl.Says is { } says ? ": “" + H(says.Trim()) + "”" : "")}{(src is null ? "" : $" <span class=\"via\">({H(src.DisplayName)})</span>")}</li>\n");
                sb.Append("</ul>\n");
            }
            foreach (var (f, src) in e.Figures)
                if (f.Count is { } n)
                    sb.Append($"<p class=\"figure\">{H(f.Measure)}: <strong>{H(n.Text)}</strong>{(f.Group is { } g ? " " + H(g) : "")}{(f.Includes is { } inc ? ", including " + H(inc) : "")}{(f.Overlaps.Count > 0 ? $" — may include the figures of {H(string.Join(", ", f.Overlaps.Select(o => o.Id)))}" : "")}{(src is null ? "" : $" <span class=\"via\">({H(src.DisplayName)})</span>")}</p>\n");
            if (e.Sources.Count > 0)
            {
                sb.Append("<p class=\"sources\">Sources: ");
                sb.Append(string.Join("; ", e.Sources.Select(x => x.Source is { } src2
                    ? (src2.Url is { } u ? $"<a href=\"{H(u)}\">{H(src2.DisplayName)}</a>" : H(src2.DisplayName)) + (src2.Published is { } pd ? ", " + H(pd.Text) : "") + (x.Citation.Quote is { } q ? $" — “{H(q)}”" : "")
                    : H(x.Citation.Source.Id))));
                sb.Append("</p>\n");
            }
            sb.Append("</li>\n");
        }
        sb.Append("</ol>\n</main>\n<footer>Made with Timeline.</footer>\n");
        sb.Append($"<script>\n{Script}\n</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Select(StringBuilder sb, string name, string label, IReadOnlyList<(string Id, string Name)> options)
    {
        sb.Append($"<label>{label} <select id=\"filter-{name}\" data-filter=\"{name}\"><option value=\"\">all</option>");
        foreach (var (id, n) in options) sb.Append($"<option value=\"{H(id)}\">{H(n)}</option>");
        sb.Append("</select></label>\n");
    }

    private const string Css = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d6dae0; --disputed: #b3261e; --claimed: #8a5a00; --accent: #1f5fae; }
        * { box-sizing: border-box; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.1rem; margin: .1rem 0 .4rem; }
        .description { color: var(--muted); white-space: pre-line; }
        .filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; margin: 1rem 0; }
        .filters select { font: inherit; padding: .15rem .3rem; }
        #count { color: var(--muted); }
        .axis { position: relative; height: 3.6rem; margin: 1.5rem .5rem 2rem; }
        .axis .line { position: absolute; top: 1.2rem; left: 0; right: 0; border-top: 2px solid var(--line); }
        .axis .tick { position: absolute; top: 1.7rem; transform: translateX(-50%); font-size: .75rem; color: var(--muted); }
        .axis .mark { position: absolute; top: .85rem; height: .7rem; border-radius: .35rem; background: var(--accent); opacity: .75; }
        .axis .mark.disputed { background: var(--disputed); }
        .axis .mark.claimed { background: var(--claimed); }
        .axis .mark.hidden { display: none; }
        .axis .bound { position: absolute; top: 2.6rem; font-size: .75rem; color: var(--muted); }
        .axis .bound.end { right: 0; }
        ol.events { list-style: none; padding: 0; margin: 0; }
        li.event { border-left: 3px solid var(--line); padding: .2rem 0 .8rem 1rem; margin-bottom: .6rem; }
        li.event.disputed { border-left-color: var(--disputed); }
        li.event.claimed { border-left-color: var(--claimed); }
        li.event.hidden { display: none; }
        .date { color: var(--muted); margin: 0; font-size: .9rem; }
        .badge { display: inline-block; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; padding: 0 .4rem; border-radius: .3rem; background: #eef0f3; color: var(--ink); }
        li.disputed .badge { background: var(--disputed); color: white; }
        .meta, .sources, .via { color: var(--muted); font-size: .9rem; }
        ul.claims { margin: .3rem 0; padding-left: 1.2rem; }
        ul.claims li.denies strong { color: var(--disputed); }
        footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
        """;

    private const string Script = """
        (function () {
          var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
          var events = Array.prototype.slice.call(document.querySelectorAll('li.event'));
          var marks = Array.prototype.slice.call(document.querySelectorAll('.axis .mark'));
          function apply() {
            var want = {};
            selects.forEach(function (s) { want[s.getAttribute('data-filter')] = s.value; });
            var shown = 0, visible = {};
            events.forEach(function (li) {
              var ok = (!want.actor || li.getAttribute('data-actors').split(' ').indexOf(want.actor) >= 0)
                && (!want.place || li.getAttribute('data-places').split(' ').indexOf(want.place) >= 0)
                && (!want.status || li.getAttribute('data-status') === want.status);
              li.classList.toggle('hidden', !ok);
              if (ok) { shown++; visible[li.id] = true; }
            });
            marks.forEach(function (m) { m.classList.toggle('hidden', !visible[m.getAttribute('data-id')]); });
            document.getElementById('count').textContent = shown + ' of ' + events.length + ' events';
          }
          selects.forEach(function (s) { s.addEventListener('change', apply); });
          apply();
        })();
        """;
}
