using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Timeline.Core.Capture;

/// <summary>Where a page's publication date was found: the URL's date is the writer's inference unless the page prints it too.</summary>
public enum DateOrigin { Metadata, JsonLd, TimeElement, Url }

/// <summary>A publication day and where it was read.</summary>
public sealed record PageDate(DateOnly Day, DateOrigin Origin);

/// <summary>What a page says about itself: title, outlet, byline, publication date and canonical address.</summary>
public sealed partial record PageMetadata(string? Title, string? SiteName, string? Author, PageDate? Published, Uri? Canonical)
{
    /// <summary>
    /// Reads the metadata of a parsed page; <paramref name="url"/> (where it was fetched, if it was)
    /// gives a date in its path as the last resort.
    /// </summary>
    public static PageMetadata Read(IHtmlDocument doc, Uri? url)
    {
        var ld = JsonLd.Read(doc);
        var metas = doc.QuerySelectorAll("meta").ToList(); // read once: a large page has many elements to walk
        string? Meta(string key) => PageMetadata.Meta(metas, key);
        string? siteName = Meta("og:site_name") ?? ld.Publisher;
        string? title = Meta("og:title") ?? ld.Headline ?? TitleWithoutSite(Clean(doc.Title), siteName);
        string? author = Meta("author") ?? NotAUrl(Meta("article:author")) ?? ld.Author;
        var published = DayOf(Meta("article:published_time") ?? Meta("datePublished")) is { } m ? new PageDate(m, DateOrigin.Metadata)
            : DayOf(ld.DatePublished) is { } j ? new PageDate(j, DateOrigin.JsonLd)
            : FirstTimeElement(doc) is { } t ? new PageDate(t, DateOrigin.TimeElement)
            : url is not null && DayInPath(url) is { } u ? new PageDate(u, DateOrigin.Url)
            : null;
        var canonical = HttpUri(Meta("og:url")) ?? HttpUri(doc.QuerySelector("link[rel~=canonical]")?.GetAttribute("href"));
        return new PageMetadata(title, Clean(siteName), Clean(author), published, canonical);
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>A meta element's content, found by its property (Open Graph), name or itemprop.</summary>
    private static string? Meta(IEnumerable<IElement> metas, string key)
    {
        foreach (var meta in metas)
        {
            string? k = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (k is not null && string.Equals(k.Trim(), key, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } v)
                return v;
        }
        return null;
    }

    private static DateOnly? FirstTimeElement(IDocument doc)
    {
        var scope = (IParentNode?)doc.QuerySelector("article") ?? doc;
        foreach (var time in scope.QuerySelectorAll("time[datetime]"))
            if (DayOf(time.GetAttribute("datetime")) is { } d) return d;
        return null;
    }

    [GeneratedRegex(@"^\s*(\d{4})-(\d{2})-(\d{2})")]
    private static partial Regex IsoDayPrefix();

    /// <summary>
    /// The day of a date as the page writes it: the local day of an ISO date and time
    /// (2024-11-29T23:30:00-05:00 is the 29th where it was published), else any date
    /// the invariant culture reads.
    /// </summary>
    internal static DateOnly? DayOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var iso = IsoDayPrefix().Match(value);
        if (iso.Success)
            return DateOnly.TryParseExact($"{iso.Groups[1].Value}-{iso.Groups[2].Value}-{iso.Groups[3].Value}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var d) ? d : null;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto)
            ? DateOnly.FromDateTime(dto.DateTime) : null;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?:/(?<m>\d{1,2})/(?<d>\d{1,2})|-(?<m>\d{2})-(?<d>\d{2})|(?<m>\d{2})(?<d>\d{2}))(?!\d)")]
    private static partial Regex PathDay();

    /// <summary>A date in an address's path (/2024/11/29/, -2024-11-29-, /20241129/): the writer's inference, not the page's word.</summary>
    public static DateOnly? DayInPath(Uri url)
    {
        foreach (Match m in PathDay().Matches(url.AbsolutePath))
            if (int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is int month and >= 1 and <= 12
                && int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) is int day and >= 1
                && day <= DateTime.DaysInMonth(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month))
                return new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month, day);
        return null;
    }

    /// <summary>"Rebels enter Aleppo | Example News" → "Rebels enter Aleppo" when the part after the bar is the outlet's name.</summary>
    private static string? TitleWithoutSite(string? title, string? siteName)
    {
        if (title is null || siteName is null) return title;
        foreach (string sep in new[] { " | ", " - ", " – ", " — ", " :: " })
            if (title.EndsWith(sep + siteName.Trim(), StringComparison.OrdinalIgnoreCase))
                return title[..^(sep.Length + siteName.Trim().Length)].Trim();
        return title;
    }

    private static string? NotAUrl(string? s) => s is null || Uri.TryCreate(s, UriKind.Absolute, out _) ? null : s;

    private static Uri? HttpUri(string? s) =>
        Uri.TryCreate(s?.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u : null;

    /// <summary>One line of text: runs of whitespace as one space, none at the ends; empty as null.</summary>
    internal static string? Clean(string? s)
    {
        if (s is null) return null;
        string one = WhiteSpace().Replace(s, " ").Trim();
        return one.Length == 0 ? null : one;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>What the page's JSON-LD says of its article (schema.org's NewsArticle and kin).</summary>
    private sealed record JsonLd(string? Headline, string? Author, string? DatePublished, string? Publisher)
    {
        public static JsonLd Read(IDocument doc)
        {
            var found = new JsonLd(null, null, null, null);
            foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
                    using var json = JsonDocument.Parse(script.TextContent, options);
                    foreach (var item in Items(json.RootElement))
                        found = new JsonLd(found.Headline ?? Text(item, "headline"), found.Author ?? Names(item, "author"),
                            found.DatePublished ?? Text(item, "datePublished"), found.Publisher ?? Names(item, "publisher"));
                }
                catch (JsonException)
                {
                    // A page's broken JSON-LD is not the writer's problem: the other metadata still counts.
                }
            }
            return found;
        }

        /// <summary>The objects of a JSON-LD block that describe a creative work (an array, an @graph, or one object).</summary>
        private static IEnumerable<JsonElement> Items(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray()) foreach (var y in Items(x)) yield return y;
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("@graph", out var graph)) foreach (var y in Items(graph)) yield return y;
                if (e.TryGetProperty("headline", out _) || e.TryGetProperty("datePublished", out _)) yield return e;
            }
        }

        private static string? Text(JsonElement e, string key) =>
            e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? Clean(v.GetString()) : null;

        /// <summary>A person or organisation: a name, an object with a name, or a list of them ("A and B").</summary>
        private static string? Names(JsonElement e, string key)
        {
            if (!e.TryGetProperty(key, out var v)) return null;
            var names = new List<string>();
            foreach (var x in v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToArray() : new[] { v })
            {
                string? name = x.ValueKind switch
                {
                    JsonValueKind.String => NotAUrl(Clean(x.GetString())),
                    JsonValueKind.Object => Text(x, "name"),
                    _ => null,
                };
                if (name is not null) names.Add(name);
            }
            return names.Count == 0 ? null : names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        }
    }
}
