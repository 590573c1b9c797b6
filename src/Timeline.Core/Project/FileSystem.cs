namespace Timeline.Core.Project;

/// <summary>The files a project is read from: the disk, or (in tests and the editor) memory.</summary>
public interface IFileSystem
{
    bool FileExists(string path);
    bool DirectoryExists(string path);
    string ReadAllText(string path);

    /// <summary>The text of a file, and where the first byte that is not UTF-8 stood in it (or -1).</summary>
    (string Text, int FirstInvalid) ReadText(string path) => (ReadAllText(path), -1);

    /// <summary>A file's bytes as stored (a snapshot's digest is of its bytes, not its text).</summary>
    byte[] ReadAllBytes(string path) => System.Text.Encoding.UTF8.GetBytes(ReadAllText(path));

    /// <summary>A file's size as stored, when it can be known without reading the file (null otherwise).</summary>
    long? StoredLength(string path) => null;
    IEnumerable<string> EnumerateFiles(string directory);
    IEnumerable<string> EnumerateDirectories(string directory);
}

public sealed class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();
    public bool FileExists(string path) => File.Exists(path);
    public bool DirectoryExists(string path) => Directory.Exists(path);
    public string ReadAllText(string path) => TextDecoding.Decode(File.ReadAllBytes(path));
    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public long? StoredLength(string path)
    {
        try { return new FileInfo(path).Length; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
    }
    public (string Text, int FirstInvalid) ReadText(string path) =>
        TextDecoding.Decode(File.ReadAllBytes(path), out int bad) is var t ? (t, bad) : default;
    public IEnumerable<string> EnumerateFiles(string directory) =>
        Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal);
    public IEnumerable<string> EnumerateDirectories(string directory) =>
        Directory.EnumerateDirectories(directory).Where(d => (File.GetAttributes(d) & FileAttributes.ReparsePoint) == 0)
            .Order(StringComparer.Ordinal);
}

/// <summary>Files held in memory, keyed by full path with '/' separators.</summary>
public sealed class MemoryFileSystem : IFileSystem
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    public MemoryFileSystem(IEnumerable<KeyValuePair<string, string>>? files = null)
    {
        if (files is not null) foreach (var (k, v) in files) _files[Norm(k)] = v;
    }
    public void Set(string path, string text) => _files[Norm(path)] = text;
    private static string Norm(string p) => p.Replace('\\', '/').TrimEnd('/');
    public bool FileExists(string path) => _files.ContainsKey(Norm(path));
    public bool DirectoryExists(string path)
    {
        string d = Norm(path) + "/";
        return _files.Keys.Any(k => k.StartsWith(d, StringComparison.Ordinal));
    }
    public string ReadAllText(string path) => _files.TryGetValue(Norm(path), out var t) ? t : throw new FileNotFoundException(path);
    public IEnumerable<string> EnumerateFiles(string directory)
    {
        string d = Norm(directory) + "/";
        return _files.Keys.Where(k => k.StartsWith(d, StringComparison.Ordinal) && k.IndexOf('/', d.Length) < 0).Order(StringComparer.Ordinal);
    }
    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        string d = Norm(directory) + "/";
        return _files.Keys.Where(k => k.StartsWith(d, StringComparison.Ordinal) && k.IndexOf('/', d.Length) > 0)
            .Select(k => k[..k.IndexOf('/', d.Length)]).Distinct().Order(StringComparer.Ordinal);
    }
}

public static class TextDecoding
{
    /// <summary>UTF-8 with or without a BOM; invalid bytes become U+FFFD.</summary>
    public static string Decode(byte[] bytes) => Decode(bytes, out _);

    /// <summary>UTF-8 with or without a BOM; invalid bytes become U+FFFD, and the offset of the first one in the text is given (else -1).</summary>
    public static string Decode(byte[] bytes, out int firstInvalid)
    {
        int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        firstInvalid = -1;
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(bytes, skip, bytes.Length - skip);
        }
        catch (System.Text.DecoderFallbackException)
        {
            string text = new System.Text.UTF8Encoding(false, false).GetString(bytes, skip, bytes.Length - skip);
            firstInvalid = text.IndexOf('\uFFFD');
            return text;
        }
    }
}
