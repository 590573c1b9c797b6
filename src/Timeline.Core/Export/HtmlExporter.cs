using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Timeline.Core.Export;

/// <summary>
/// A self-contained HTML page: the title, description and byline; filters; a time axis; the chronology beside a
/// map, linked both ways; the sources in full. Nothing is fetched, and a strict Content-Security-Policy lets
/// only the page's own script and style run (by nonce), so the same page works as a file in a browser and
/// inside an editor's webview, and nothing in the writer's text can run as script.
/// </summary>
public static class HtmlExporter
{
    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>The page; with <paramref name="notes"/> (an editor's preview), the problems and unsaved files it shows.</summary>
    public static string Write(Chronology c, PageNotes? notes = null)
    {
        var page = new StringWriter(CultureInfo.InvariantCulture);
        Write(c, page, notes);
        return page.ToString();
    }

    /// <summary>The page written out: its body made first (its digest is the nonce the head names), then sent in pieces.</summary>
    public static void Write(Chronology c, TextWriter output, PageNotes? notes = null)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header><h1>{H(c.Title)}</h1>\n");
        if (c.Description is { } d)
            foreach (var para in System.Text.RegularExpressions.Regex.Split(d.Trim(), @"\n\s*\n"))
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"description\">{H(Prose.OneLine(para))}</p>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"byline\">{H(Exporters.Byline(c))}</p>\n</header>\n");
        if (notes is not null) Notes(body, notes);

        // Filters
        var actors = c.Events.SelectMany(e => e.Actors.Select(a => (a.Id, Name: Chronology.ActorText(a.Actor)))).DistinctBy(a => a.Id)
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var places = c.Events.SelectMany(e => e.Places.Select(p => (p.Id, Name: Chronology.PlaceText(p.Place)))).DistinctBy(p => p.Id)
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var statuses = c.Events.Select(e => e.Event.Status).Distinct().Order(StringComparer.Ordinal).ToList();
        body.Append("<nav class=\"filters\" aria-label=\"Filters\">\n");
        Select(body, "actor", "Actor", actors);
        Select(body, "place", "Place", places);
        Select(body, "status", "Status", statuses.Select(s => (s, s)).ToList());
        body.Append("<span id=\"count\" aria-live=\"polite\"></span> <button type=\"button\" id=\"clear\" hidden>Show all events</button>\n</nav>\n");

        body.Append("<section class=\"timeline\" aria-label=\"Time axis\">").Append(TimeAxis.Render(c.Events)).Append("</section>\n");

        // The chronology beside the map
        // By event, not by id: a chronology being written may hold an id twice (TL005), and its page still shows.
        var located = c.Events.ToDictionary<ChronologyEvent, ChronologyEvent, IReadOnlyList<Location>>(
            e => e, c.Locate, ReferenceEqualityComparer.Instance);
        var mapPlaces = MapPlaces(c, located);
        body.Append("<div class=\"layout\">\n<main>\n<ol class=\"events\">\n");
        foreach (var e in c.Events.Where(e => e.Date is not null)) Event(body, c, e, located[e], notes);
        body.Append("</ol>\n");
        // Events without a date the checker can read are kept apart: a place in the order would be a guess.
        var undated = c.Events.Where(e => e.Date is null).ToList();
        if (undated.Count > 0)
        {
            body.Append("<section class=\"undated\" aria-labelledby=\"undated-title\"><h2 id=\"undated-title\">Not yet dated</h2>\n");
            string have = undated.Count == 1 ? "event has" : "events have";
            body.Append(CultureInfo.InvariantCulture,
                $"<p class=\"meta\">{undated.Count} {have} no date that can be placed in the chronology.</p>\n");
            body.Append("<ol class=\"events\">\n");
            foreach (var e in undated) Event(body, c, e, located[e], notes);
            body.Append("</ol>\n</section>\n");
        }
        body.Append("</main>\n");
        if (mapPlaces.Count > 0)
        {
            int unplaced = c.Events.Count(e => !located[e].Any(l => l.HasCoordinates));
            body.Append("<aside class=\"map-panel\" aria-label=\"Map\">").Append(MapSvg.Render(mapPlaces));
            body.Append("<p class=\"legend\"><span class=\"key exact\"></span> a place · ")
                .Append("<span class=\"key approx\"></span> approximate: an area, or a place ")
                .Append("drawn at the place it lies in. Select a place to list its events.");
            if (unplaced > 0)
                body.Append(CultureInfo.InvariantCulture, $" {unplaced} event{(unplaced == 1 ? " has" : "s have")} no place on the map.");
            body.Append("</p>\n<p class=\"credit\">Land and borders: Natural Earth (public domain), via world-atlas.</p></aside>\n");
        }
        body.Append("</div>\n");

        // The sources in full
        var sources = c.CitedSources();
        if (sources.Count > 0)
        {
            body.Append("<section class=\"source-list\" aria-labelledby=\"sources-title\"><h2 id=\"sources-title\">Sources</h2>\n<ol>\n");
            foreach (var s in sources)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li id=\"source-{H(s.Id)}\">{H(Prose.SourceInFull(s, c.UntitledLabel(s)))}");
                if (Prose.SafeUrl(s.Url) is { } u) body.Append(CultureInfo.InvariantCulture, $". <a href=\"{H(u)}\" rel=\"noreferrer\">{H(u)}</a>");
                if (Prose.SafeUrl(s.Archived) is { } a)
                    body.Append(CultureInfo.InvariantCulture, $" (<a href=\"{H(a)}\" rel=\"noreferrer\">archived copy</a>)");
                body.Append("</li>\n");
            }
            body.Append("</ol>\n</section>\n");
        }

        // The nonce is a digest of the page's content: the page is the same each time it is made from the same
        // chronology, and no text in it can know the nonce it would need to run.
        string nonce = Nonce(body);
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy(nonce)}\">\n");
        output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
        output.Write($"<title>{H(c.Title)}</title>\n<style nonce=\"{nonce}\">\n{Css}\n</style>\n</head>\n<body>\n");
        foreach (var piece in body.GetChunks()) output.Write(piece.Span);
        output.Write($"<script nonce=\"{nonce}\">\n{Script}\n</script>\n</body>\n</html>\n");
    }

    /// <summary>
    /// The digest of the body, the style and the script (their UTF-8, as one text), in 24 characters of URL-safe base64:
    /// made over the body's pieces as they lie in the builder, not over a copy of the page made whole for it.
    /// </summary>
    internal static string Nonce(StringBuilder body)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // One encoder for all: a character split between two pieces is encoded whole, as in the text made one.
        var encoder = new UTF8Encoding(false).GetEncoder();
        var bytes = new byte[16 * 1024];
        void Add(ReadOnlySpan<char> text, bool last)
        {
            bool completed;
            do
            {
                encoder.Convert(text, bytes, last, out int used, out int written, out completed);
                digest.AppendData(bytes, 0, written);
                text = text[used..];
            }
            while (!completed);
        }
        foreach (var piece in body.GetChunks()) Add(piece.Span, last: false);
        Add(Css, last: false);
        Add(Script, last: true);
        return Convert.ToBase64String(digest.GetHashAndReset())[..24].Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Nothing from the network, no plugin, no form; script and style only the page's own.</summary>
    public static string Policy(string nonce) =>
        $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src data:; font-src 'none'; connect-src 'none'; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The preview's notes above the chronology: unsaved text shown, and how many problems there are.</summary>
    private static void Notes(StringBuilder sb, PageNotes notes)
    {
        if (notes.UnsavedFiles.Count == 0 && notes.ProblemsByEvent.Count == 0 && notes.ProblemsElsewhere == 0) return;
        sb.Append("<div class=\"notes\" role=\"status\">\n");
        if (notes.UnsavedFiles.Count > 0)
        {
            string files = H(string.Join(", ", notes.UnsavedFiles));
            sb.Append(CultureInfo.InvariantCulture,
                $"<p class=\"unsaved\">Shows unsaved changes to {files}: the files on disk differ until saved.</p>\n");
        }
        int events = notes.ProblemsByEvent.Count;
        if (events > 0 || notes.ProblemsElsewhere > 0)
        {
            var parts = new List<string>();
            if (events > 0) parts.Add($"{events} event{(events == 1 ? " has" : "s have")} problems, marked below");
            if (notes.ProblemsElsewhere > 0)
                parts.Add($"{notes.ProblemsElsewhere} problem{(notes.ProblemsElsewhere == 1 ? " is" : "s are")} outside any event (see the editor)");
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"problem-count\">{H(string.Join("; ", parts))}.</p>\n");
        }
        sb.Append("</div>\n");
    }

    private static void Event(StringBuilder sb, Chronology c, ChronologyEvent e, IReadOnlyList<Location> locations, PageNotes? notes)
    {
        IReadOnlyList<EventProblem>? problems = null;
        notes?.ProblemsByEvent.TryGetValue(e.Event.Id, out problems);
        string actorIds = string.Join(' ', e.Actors.Select(a => a.Id));
        string placeIds = string.Join(' ', e.Places.Select(p => p.Id));
        string mapIds = string.Join(' ', locations.Where(l => l.HasCoordinates).Select(MapKey).Distinct());
        string problemClass = problems is { Count: > 0 } ? " has-problems" : "";
        sb.Append(CultureInfo.InvariantCulture, $"<li class=\"event {H(e.Event.Status)}{problemClass}\" id=\"{H(e.Event.Id)}\" tabindex=\"0\" ");
        sb.Append(CultureInfo.InvariantCulture, $"data-actors=\"{H(actorIds)}\" data-places=\"{H(placeIds)}\" ");
        sb.Append(CultureInfo.InvariantCulture, $"data-map=\"{H(mapIds)}\" data-status=\"{H(e.Event.Status)}\">\n");
        string date = e.Date is not null ? e.DisplayDate
            : e.Event.Date?.Text is { Length: > 0 } written ? $"Date as written: “{Prose.OneLine(written)}”" : "No date yet";
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"date\">{H(date)}");
        if (Exporters.StatusWord(e.Event.Status) is { } status) sb.Append(CultureInfo.InvariantCulture, $" <span class=\"badge\">{H(status)}</span>");
        sb.Append("</p>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<h2>{H(e.Title)}</h2>\n");
        if (problems is { Count: > 0 })
        {
            sb.Append("<ul class=\"problems\" aria-label=\"Problems\">\n");
            foreach (var p in problems)
            {
                string kind = p.Severity == Checks.Severity.Error ? "error" : "warning";
                sb.Append(CultureInfo.InvariantCulture, $"<li class=\"{kind}\"><span class=\"code\">{H(p.Code)}</span> {H(p.Message)}</li>\n");
            }
            sb.Append("</ul>\n");
        }
        if (locations.Count > 0 || e.Actors.Count > 0)
        {
            sb.Append("<p class=\"meta\">");
            if (locations.Count > 0)
                sb.Append("Where: ").Append(H(string.Join("; ", locations.Select(l =>
                    l.Located is { } at && at != l.Place ? $"{l.Name} (on the map at {Chronology.PlaceText(at)})" : l.Name)))).Append(". ");
            if (e.Actors.Count > 0) sb.Append("Who: ").Append(H(string.Join(", ", e.Actors.Select(a => Chronology.ActorText(a.Actor))))).Append('.');
            sb.Append("</p>\n");
        }
        if (e.Event.Summary is { } s) sb.Append(CultureInfo.InvariantCulture, $"<p>{H(Prose.OneLine(s))}</p>\n");
        var claims = Exporters.ClaimLines(c, e).ToList();
        if (claims.Count > 0)
        {
            sb.Append("<ul class=\"claims\">\n");
            foreach (var (line, src) in claims) sb.Append(CultureInfo.InvariantCulture, $"<li>{H(Prose.Sentence(line))}{Via(c, src)}</li>\n");
            sb.Append("</ul>\n");
        }
        foreach (var (line, src) in Exporters.FigureLines(c, e))
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"figure\">{H(Prose.Sentence(line))}{Via(c, src)}</p>\n");
        var cited = e.Sources.Where(p => p.Source is not null).ToList();
        if (cited.Count > 0)
        {
            sb.Append("<ul class=\"citations\" aria-label=\"Sources\">\n");
            foreach (var (src, citation) in cited)
            {
                string name = H(Prose.Capitalise(c.SourceLabel(src!)));
                // A source with an address links to it; one without, to its entry in the list of sources.
                sb.Append("<li>").Append(Prose.SafeUrl(src!.Url) is { } u
                    ? $"<a href=\"{H(u)}\" rel=\"noreferrer\">{name}</a>" : $"<a href=\"#source-{H(src.Id)}\">{name}</a>");
                if (citation.Quote is { } q)
                    sb.Append(CultureInfo.InvariantCulture, $": <span class=\"quote\">“{H(Prose.Unquote(Prose.OneLine(q)))}”</span>");
                sb.Append("</li>\n");
            }
            sb.Append("</ul>\n");
        }
        sb.Append("</li>\n");
    }

    private static string Via(Chronology c, Model.SourceDef? src) =>
        src is null ? "" : $" <span class=\"via\">(reported by {H(c.SourceLabel(src))})</span>";

    /// <summary>The key of the point a location is drawn at: the place whose coordinates it takes, marked when approximate.</summary>
    private static string MapKey(Location l) => (l.Located?.Id ?? l.Id) + (l.Approximate ? "~" : "");

    private static List<MapPlace> MapPlaces(Chronology c, Dictionary<ChronologyEvent, IReadOnlyList<Location>> located)
    {
        var groups = new Dictionary<string, (Location First, List<string> Events, SortedSet<string> Stands)>(StringComparer.Ordinal);
        foreach (var e in c.Events)
            foreach (var l in located[e].Where(l => l.HasCoordinates))
            {
                string key = MapKey(l);
                if (!groups.TryGetValue(key, out var g)) groups[key] = g = (l, new List<string>(), new SortedSet<string>(StringComparer.Ordinal));
                if (!g.Events.Contains(e.Event.Id)) g.Events.Add(e.Event.Id);
                if (l.Located != l.Place) g.Stands.Add(l.Name);
            }
        var list = new List<MapPlace>(groups.Count);
        foreach (var (key, (l, events, stands)) in groups)
            list.Add(new MapPlace(key, Chronology.PlaceText(l.Located), l.Latitude!.Value, l.Longitude!.Value, l.Approximate, events,
                stands.ToList()));
        return list;
    }

    private static void Select(StringBuilder sb, string name, string label, IReadOnlyList<(string Id, string Name)> options)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<label>{label} <select id=\"filter-{name}\" data-filter=\"{name}\">")
          .Append("<option value=\"\">all</option>");
        foreach (var (id, n) in options) sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{H(id)}\">{H(n)}</option>");
        sb.Append("</select></label>\n");
    }

    internal const string Css = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d6dae0; --disputed: #b3261e; --claimed: #8a5a00; --accent: #1f5fae;
                --paper: #ffffff; --sea: #e8f0f7; --land: #f4f1ea; --select: #fff4c2; }
        * { box-sizing: border-box; }
        body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--paper);
               margin: 0 auto; max-width: 76rem; padding: 1.5rem; }
        header, nav, .meta, .date, .byline, .badge, .legend, .credit, .via, .citations, #count, button, select, svg {
          font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; font-family: Georgia, serif; }
        h2 { font-size: 1.15rem; margin: .1rem 0 .4rem; }
        .description { max-width: 48rem; margin: .3rem 0; }
        .byline { color: var(--muted); font-size: .9rem; }
        .filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; margin: 1rem 0; padding: .4rem 0;
                   position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line); }
        .filters select, button { font: inherit; font-size: .9rem; padding: .15rem .3rem; }
        #count { color: var(--muted); font-size: .9rem; }
        svg.axis { display: block; margin: .5rem 0 1rem; overflow: visible; }
        .axis .period { fill: #f2f4f7; }
        .axis .mark rect { fill: var(--accent); opacity: .8; }
        .axis .mark.disputed rect { fill: var(--disputed); }
        .axis .mark.claimed rect { fill: var(--claimed); }
        .axis .mark:hover rect, .axis .mark.selected rect { opacity: 1; stroke: var(--ink); stroke-width: 2; }
        .axis .span { fill: var(--muted); opacity: .5; }
        .axis .hidden { display: none; }
        .axis .tick, .axis .join { stroke: var(--muted); stroke-width: 1; }
        .axis .join { stroke-dasharray: 2 3; opacity: .7; }
        .axis .tick-label, .axis .year-label { font-size: 11px; fill: var(--muted); }
        .axis .overview-line { stroke: var(--line); stroke-width: 2; }
        .axis .overview-period { fill: none; stroke: var(--muted); stroke-width: 1; }
        .axis .overview-mark { stroke: var(--accent); stroke-width: 1.5; }
        .axis .overview-mark.disputed { stroke: var(--disputed); }
        .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(18rem, 40%); gap: 2rem; align-items: start; }
        .map-panel { position: sticky; top: 3.5rem; }
        @media (max-width: 52rem) { .layout { grid-template-columns: 1fr; } .map-panel { position: static; order: -1; } }
        svg.map { width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: .3rem; }
        .map .sea { fill: var(--sea); }
        .map .land { fill: var(--land); stroke: #b9b3a5; stroke-width: .6; }
        .map .border { fill: none; stroke: #9a937f; stroke-width: .8; stroke-dasharray: 4 2; }
        .map .country { font-size: 13px; letter-spacing: .2em; text-transform: uppercase; fill: #8d8672; }
        .map .place { cursor: pointer; }
        .map .place .dot { fill: var(--accent); stroke: white; stroke-width: 1.5; }
        .map .place.approx .dot { fill: white; stroke: var(--accent); stroke-width: 2; stroke-dasharray: 3 2; }
        .map .place .area { fill: var(--accent); fill-opacity: .08; stroke: var(--accent); stroke-opacity: .5; stroke-dasharray: 4 3; }
        .map .place .label { font-size: 12px; fill: var(--ink); paint-order: stroke; stroke: white; stroke-width: 3px; display: none; }
        .map .place .label.shown, .map .place:hover .label, .map .place:focus .label, .map .place.selected .label { display: inline; }
        .map .place.selected .dot { fill: #f2b600; stroke: var(--ink); }
        .map .place.hidden { display: none; }
        .legend, .credit { font-size: .8rem; color: var(--muted); margin: .4rem 0; }
        .key { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; vertical-align: middle; border: 2px solid var(--accent); }
        .key.exact { background: var(--accent); }
        .key.approx { border-style: dashed; background: white; }
        ol.events { list-style: none; padding: 0; margin: 0; }
        li.event { border-left: 3px solid var(--line); padding: .3rem 0 .8rem 1rem; margin-bottom: .6rem; cursor: pointer; }
        li.event.disputed { border-left-color: var(--disputed); }
        li.event.claimed { border-left-color: var(--claimed); }
        li.event.selected { background: var(--select); }
        li.event.hidden { display: none; }
        .date { color: var(--muted); margin: 0; font-size: .9rem; }
        .badge { display: inline-block; font-size: .72rem; text-transform: uppercase; letter-spacing: .04em; padding: 0 .4rem;
                 border-radius: .3rem; background: #eef0f3; color: var(--ink); }
        li.disputed .badge { background: var(--disputed); color: white; }
        li.claimed .badge { background: var(--claimed); color: white; }
        .meta, .via { color: var(--muted); font-size: .9rem; }
        ul.claims { margin: .3rem 0; padding-left: 1.2rem; }
        .figure { font-weight: bold; margin: .3rem 0; }
        .figure .via { font-weight: normal; }
        ul.citations { list-style: none; padding: 0; margin: .4rem 0 0; font-size: .85rem; color: var(--muted); }
        ul.citations .quote { font-family: Georgia, serif; color: var(--ink); }
        .source-list { margin-top: 2rem; border-top: 1px solid var(--line); }
        .source-list li { margin: .3rem 0; }
        .notes { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .9rem; margin: .6rem 0; }
        .notes p { margin: .2rem 0; padding: .3rem .6rem; border-radius: .3rem; }
        .notes .unsaved { background: #eef3fb; border-left: 3px solid var(--accent); }
        .notes .problem-count { background: #fdeceb; border-left: 3px solid var(--disputed); }
        li.event.has-problems { border-left-style: dashed; border-left-color: var(--disputed); }
        ul.problems { list-style: none; padding: 0; margin: .2rem 0 .4rem; font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
                      font-size: .85rem; }
        ul.problems li { margin: .1rem 0; padding-left: 1.2rem; text-indent: -1.2rem; }
        ul.problems li::before { content: "\26A0\FE0E  "; color: var(--claimed); }
        ul.problems li.error::before { color: var(--disputed); }
        ul.problems .code { font-weight: bold; }
        .undated { margin-top: 1.5rem; border-top: 1px solid var(--line); }
        .undated > h2 { margin-top: .8rem; }
        footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
        """;

    internal const string Script = """
        (function () {
          'use strict';
          var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
          var events = Array.prototype.slice.call(document.querySelectorAll('li.event'));
          var marks = Array.prototype.slice.call(document.querySelectorAll('.axis [data-id]'));
          var places = Array.prototype.slice.call(document.querySelectorAll('.map .place'));
          var clear = document.getElementById('clear');
          var count = document.getElementById('count');
          var atPlace = null; // the map place whose events are listed, or null
          function words(el, name) { var v = el.getAttribute(name); return v ? v.split(' ') : []; }
          function apply() {
            var want = {};
            selects.forEach(function (s) { want[s.getAttribute('data-filter')] = s.value; });
            var shown = 0, visible = {}, onMap = {};
            var only = atPlace ? words(atPlace, 'data-events') : null;
            events.forEach(function (li) {
              var ok = (!want.actor || words(li, 'data-actors').indexOf(want.actor) >= 0)
                && (!want.place || words(li, 'data-places').indexOf(want.place) >= 0)
                && (!want.status || li.getAttribute('data-status') === want.status)
                && (!only || only.indexOf(li.id) >= 0);
              li.classList.toggle('hidden', !ok);
              if (ok) { shown++; visible[li.id] = true; words(li, 'data-map').forEach(function (k) { onMap[k] = true; }); }
            });
            marks.forEach(function (m) { m.classList.toggle('hidden', !visible[m.getAttribute('data-id')]); });
            places.forEach(function (p) { p.classList.toggle('hidden', !onMap[p.getAttribute('data-place')]); });
            var text = shown + ' of ' + events.length + ' events';
            if (atPlace) text += ' at ' + atPlace.querySelector('.label').textContent;
            count.textContent = text;
            clear.hidden = !atPlace && !want.actor && !want.place && !want.status;
          }
          function select(id, scroll) {
            events.forEach(function (li) { li.classList.toggle('selected', li.id === id); });
            marks.forEach(function (m) { m.classList.toggle('selected', m.getAttribute('data-id') === id); });
            var li = document.getElementById(id);
            var keys = li ? words(li, 'data-map') : [];
            if (!atPlace) places.forEach(function (p) { p.classList.toggle('selected', keys.indexOf(p.getAttribute('data-place')) >= 0); });
            if (li && scroll) li.scrollIntoView({ block: 'center' });
          }
          function choosePlace(p) {
            atPlace = atPlace === p ? null : p;
            places.forEach(function (q) { q.classList.toggle('selected', q === atPlace); });
            apply();
          }
          // The axis's labels were spaced for a wide page: on a narrower one, a finer label that would overlap
          // a coarser one (or an earlier one of its kind) is hidden.
          function spaceLabels() {
            var labels = Array.prototype.slice.call(document.querySelectorAll('.axis .tick-label'));
            labels.sort(function (a, b) { return a.getAttribute('data-level') - b.getAttribute('data-level'); });
            var kept = [];
            labels.forEach(function (t) {
              var r = t.getBoundingClientRect();
              var clash = kept.some(function (k) { return r.left < k.right + 6 && k.left < r.right + 6; });
              if (clash) t.setAttribute('visibility', 'hidden'); else { t.removeAttribute('visibility'); kept.push(r); }
            });
          }
          // An editor's preview shows the event under the cursor by posting {type: 'reveal', id} to the page.
          window.addEventListener('message', function (ev) {
            var m = ev.data;
            if (m && m.type === 'reveal' && typeof m.id === 'string' && document.getElementById(m.id)) select(m.id, true);
          });
          window.addEventListener('resize', spaceLabels);
          spaceLabels();
          selects.forEach(function (s) { s.addEventListener('change', apply); });
          clear.addEventListener('click', function () {
            selects.forEach(function (s) { s.value = ''; });
            atPlace = null;
            places.forEach(function (q) { q.classList.remove('selected'); });
            apply();
          });
          events.forEach(function (li) {
            li.addEventListener('click', function (ev) { if (!ev.target.closest('a')) select(li.id, false); });
            li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') select(li.id, false); });
          });
          marks.forEach(function (m) {
            m.addEventListener('click', function (ev) { ev.preventDefault(); select(m.getAttribute('data-id'), true); });
          });
          places.forEach(function (p) {
            p.addEventListener('click', function () { choosePlace(p); });
            p.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); choosePlace(p); } });
          });
          apply();
        })();
        """;
}
