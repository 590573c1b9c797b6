using Timeline.Core.Catalogs;

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
        if (Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile)
        {
            // A file: URI that names no path this system can have (a NUL in it) is the client's error, not the server's.
            if (u.LocalPath.Contains('\0', StringComparison.Ordinal))
                throw new JsonRpc.InvalidParamsException($"'{uri}' names no file this system can have");
            path = Path.GetFullPath(u.LocalPath);
            lock (_gate) if (_copyToBuiltin.TryGetValue(path, out var builtin)) return builtin;
        }
        else
        {
            string name = uri;
            int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf(':'));
            if (slash >= 0) name = name[(slash + 1)..];
            name = Uri.UnescapeDataString(name);
            string stamp = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(uri)))[..12];
            path = "/.timeline-untitled/" + stamp + "/" + name;
        }
        lock (_gate) _pathToUri.TryAdd(path, uri);
        return path;
    }

    /// <summary>The URI of a path: the one the client used for it, or a file: URI.</summary>
    public string ToUri(string path)
    {
        lock (_gate) if (_pathToUri.TryGetValue(path, out var uri)) return uri;
        if (BuiltinCatalogs.NameOf(path) is not null && BuiltinCopy(path) is { } copy)
        {
            string copyUri = new Uri(copy).AbsoluteUri;
            lock (_gate) { _pathToUri[path] = copyUri; _copyToBuiltin[copy] = path; }
            return copyUri;
        }
        return new Uri(path).AbsoluteUri;
    }

    private readonly Dictionary<string, string> _copyToBuiltin = new(StringComparer.Ordinal);

    /// <summary>
    /// A built-in catalog has no file of its own; a read-only copy in the user's data folder stands
    /// for it, so that a client can show a definition there. Null if the copy cannot be written.
    /// </summary>
    private static string? BuiltinCopy(string path)
    {
        if (BuiltinCatalogs.TextOf(path)?.Text is not { } text) return null;
        try
        {
            string file = path[(path.IndexOf('/') + 1)..];
            string stamp = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
            // The user's own data folder (~/.local/share on Linux), not a shared temporary one that others could prepare.
            string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
            string dir = Path.Combine(data.Length > 0 ? data : Path.GetTempPath(), "timeline", "builtin", stamp);
            string full = Path.Combine(dir, file);
            // A copy left by an earlier server is used if it is whole (it may have been cut short or changed).
            if (File.Exists(full) && File.ReadAllText(full) == text) return full;
            if (File.Exists(full)) { File.SetAttributes(full, FileAttributes.Normal); File.Delete(full); }
            Directory.CreateDirectory(dir);
            string temp = full + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temp, text);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            else File.SetAttributes(temp, FileAttributes.ReadOnly);
            try { File.Move(temp, full); } catch (IOException) when (File.Exists(full)) { File.Delete(temp); } // another server wrote it first
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }
}
