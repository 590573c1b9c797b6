namespace Timeline.LanguageServer;

/// <summary>The mapping between the client's document URIs and the core's paths.</summary>
public sealed class UriMap
{
    private readonly Dictionary<string, string> _pathToUri = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>A path for a URI: the local path of a file: URI, a stable made-up path for others (untitled:).</summary>
    public string ToPath(string uri)
    {
        string path;
        if (Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile) path = Path.GetFullPath(u.LocalPath);
        else
        {
            string name = uri;
            int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf(':'));
            if (slash >= 0) name = name[(slash + 1)..];
            name = Uri.UnescapeDataString(name);
            path = "/.timeline-untitled/" + Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(uri)))[..12] + "/" + name;
        }
        lock (_gate) _pathToUri.TryAdd(path, uri);
        return path;
    }

    /// <summary>The URI of a path: the one the client used for it, or a file: URI.</summary>
    public string ToUri(string path)
    {
        lock (_gate) if (_pathToUri.TryGetValue(path, out var uri)) return uri;
        return new Uri(path).AbsoluteUri;
    }
}
