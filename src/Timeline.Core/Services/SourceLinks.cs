using Timeline.Core.Language;
using Timeline.Core.Project;

namespace Timeline.Core.Services;

/// <summary>A link written where a source id belongs: whether it is one, and the source it makes.</summary>
public static class SourceLinks
{
    /// <summary>The http(s) address a text is, or null.</summary>
    public static Uri? HttpUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u : null;

    /// <summary>The outlet as a link names it: its host without "www." (enabbaladi.net), until the page says better.</summary>
    public static string Publisher(Uri url) =>
        url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;

    /// <summary>The id, or the id with a number after it when the project has a source of that id already.</summary>
    public static string FreeId(string id, SymbolTable symbols)
    {
        if (symbols.Find(SymbolKind.Source, id) is null) return id;
        for (int n = 2; ; n++)
            if (symbols.Find(SymbolKind.Source, $"{id}-{n}") is null) return $"{id}-{n}";
    }

    /// <summary>The project's source whose url is this link, if there is one.</summary>
    public static Model.SourceDef? Defined(Uri url, SymbolTable symbols) =>
        symbols.Own(SymbolKind.Source).OfType<Model.SourceDef>()
            .FirstOrDefault(s => HttpUrl(s.Url ?? "") is { } known && Uri.Compare(known, url, UriComponents.HttpRequestUrl,
                UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0);
}
