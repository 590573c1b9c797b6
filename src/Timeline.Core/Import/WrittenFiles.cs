using System.Text;
using Timeline.Core.Project;

namespace Timeline.Core.Import;

/// <summary>
/// A file system that answers for the files an import has just written with the texts it wrote, and for every other
/// file from the one beneath: the check that follows an import reads the project without reading back and decoding
/// the tens of megabytes it holds already. The files must be written as UTF-8 without a byte order mark, as
/// <c>timeline import</c> writes them, for these answers to be the disk's; a text that UTF-8 cannot carry as it is
/// (a lone surrogate, which a TimelineJS file's escapes can make) or that begins with a byte order mark is read back
/// from the disk, which holds what it became.
/// </summary>
public sealed class WrittenFiles : IFileSystem
{
    private readonly IFileSystem _disk;
    private readonly Dictionary<string, string> _written;

    public WrittenFiles(IFileSystem disk, IEnumerable<(string Path, string Text)> written)
    {
        _disk = disk;
        _written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in written)
            if (!text.StartsWith('\uFEFF') && IsWellFormed(text)) _written[Path.GetFullPath(path)] = text;
    }

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
            i++;
        }
        return true;
    }

    private string? Held(string path) => _written.GetValueOrDefault(Path.GetFullPath(path));

    public bool FileExists(string path) => Held(path) is not null || _disk.FileExists(path);
    public bool DirectoryExists(string path) => _disk.DirectoryExists(path);
    public string ReadAllText(string path) => Held(path) ?? _disk.ReadAllText(path);
    public (string Text, int FirstInvalid) ReadText(string path) => Held(path) is { } text ? (text, -1) : _disk.ReadText(path);
    public byte[] ReadAllBytes(string path) => Held(path) is { } text ? Encoding.UTF8.GetBytes(text) : _disk.ReadAllBytes(path);
    public long? StoredLength(string path) => Held(path) is { } text ? Encoding.UTF8.GetByteCount(text) : _disk.StoredLength(path);
    public IEnumerable<string> EnumerateFiles(string directory) => _disk.EnumerateFiles(directory);
    public IEnumerable<string> EnumerateDirectories(string directory) => _disk.EnumerateDirectories(directory);
}
