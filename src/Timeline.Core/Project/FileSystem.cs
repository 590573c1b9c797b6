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
        TextDecoding.TryReadValid(path) is { } text ? (text, -1)
            : TextDecoding.Decode(File.ReadAllBytes(path), out int bad) is var t ? (t, bad) : default;
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
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// A file's text when it is valid UTF-8 (with or without a BOM), decoded as it is read in small pieces: its
    /// characters are counted in a first pass and written into the string in a second, so that no array of the whole
    /// file is made besides the text (a project's files are read once each: 27 MB of such arrays at 100,000 events, all
    /// garbage at once). Null when the file is not valid UTF-8, or changed between the two passes: read it whole then.
    /// </summary>
    public static string? TryReadValid(string path)
    {
        using var handle = File.OpenHandle(path);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkBytes);
        // The first pass decodes into a scratch buffer only to count: a piece of n bytes makes at most n characters.
        // (Decoder.GetCharCount would not do: it keeps no state, so a character split between two pieces fails.)
        var scratch = System.Buffers.ArrayPool<char>.Shared.Rent(chunk.Length);
        try
        {
            Span<byte> bom = stackalloc byte[3];
            int skip = RandomAccess.Read(handle, bom, 0) == 3 && bom.SequenceEqual("\uFEFF"u8) ? 3 : 0;
            var decoder = new System.Text.UTF8Encoding(false, true).GetDecoder();
            long chars = 0, offset = skip;
            int n;
            try
            {
                while ((n = RandomAccess.Read(handle, chunk, offset)) > 0)
                {
                    decoder.Convert(chunk.AsSpan(0, n), scratch, flush: false, out _, out int made, out _);
                    chars += made;
                    offset += n;
                }
                decoder.Convert(ReadOnlySpan<byte>.Empty, scratch, flush: true, out _, out int last, out _);
                chars += last;
            }
            catch (System.Text.DecoderFallbackException) { return null; }
            if (chars > Array.MaxLength) return null;
            long length = offset;
            bool same = true;
            string text = string.Create((int)chars, 0, (into, _) =>
            {
                decoder.Reset();
                long at = skip;
                int written = 0, read;
                try
                {
                    while (at < length && (read = RandomAccess.Read(handle, chunk.AsSpan(0, (int)Math.Min(chunk.Length, length - at)), at)) > 0)
                    {
                        written += decoder.GetChars(chunk.AsSpan(0, read), into[written..], flush: false);
                        at += read;
                    }
                    written += decoder.GetChars(ReadOnlySpan<byte>.Empty, into[written..], flush: true);
                }
                // Invalid bytes (DecoderFallbackException is one), or more characters than counted: the file changed.
                catch (ArgumentException) { same = false; }
                same &= written == into.Length && at == length;
            });
            return same ? text : null;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            System.Buffers.ArrayPool<char>.Shared.Return(scratch);
        }
    }

    /// <summary>UTF-8 with or without a BOM; invalid bytes become U+FFFD.</summary>
    public static string Decode(byte[] bytes) => Decode(bytes, out _);

    /// <summary>UTF-8 with or without a BOM; invalid bytes become U+FFFD, and the offset of the first one in the text is given (else -1).</summary>
    public static string Decode(byte[] bytes, out int firstInvalid) => Decode(bytes.AsSpan(), out firstInvalid);

    /// <inheritdoc cref="Decode(byte[], out int)"/>
    public static string Decode(ReadOnlySpan<byte> bytes, out int firstInvalid)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        firstInvalid = -1;
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            string text = new System.Text.UTF8Encoding(false, false).GetString(bytes);
            firstInvalid = text.IndexOf('\uFFFD');
            return text;
        }
    }
}
