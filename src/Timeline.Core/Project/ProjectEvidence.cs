using System.Security.Cryptography;
using Timeline.Core.Model;

namespace Timeline.Core.Project;

/// <summary>Why a snapshot could not be read.</summary>
public enum SnapshotProblem { None, Missing, OutsideRoot, Unreadable }

/// <summary>
/// A snapshot file as read once: its bytes' digest and, made when first asked, its readable text
/// and the indexes the evidence checks search. Immutable once made; a change on disk makes a new one.
/// </summary>
public sealed class SnapshotFile
{
    private readonly byte[] _bytes;

    private SnapshotFile(string path, SnapshotProblem problem, string? error, byte[] bytes)
    {
        Path = path;
        Problem = problem;
        Error = error;
        _bytes = bytes;
        Sha256 = problem == SnapshotProblem.None ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;
        Reading = new Lazy<SnapshotReading>(() => SnapshotReading.Of(Path, _bytes),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The full path.</summary>
    public string Path { get; }
    public SnapshotProblem Problem { get; }
    /// <summary>What the file system said, when the file could not be read.</summary>
    public string? Error { get; }
    /// <summary>The SHA-256 of the bytes, lower-case hex (null when unread).</summary>
    public string? Sha256 { get; }
    /// <summary>The readable text and its indexes, made on first use (from any thread).</summary>
    internal Lazy<SnapshotReading> Reading { get; }

    public SnapshotReading Text => Reading.Value;

    public static SnapshotFile Read(IFileSystem fs, string fullPath, string root)
    {
        string relative = System.IO.Path.GetRelativePath(root, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
            return new SnapshotFile(fullPath, SnapshotProblem.OutsideRoot, null, Array.Empty<byte>());
        try
        {
            if (!fs.FileExists(fullPath)) return new SnapshotFile(fullPath, SnapshotProblem.Missing, null, Array.Empty<byte>());
            var bytes = fs.ReadAllBytes(fullPath);
            if (bytes.LongLength > MaxBytes)
                return new SnapshotFile(fullPath, SnapshotProblem.Unreadable,
                    $"it is {bytes.LongLength / (1024 * 1024)} MiB, over the 16 MiB a snapshot may have", Array.Empty<byte>());
            return new SnapshotFile(fullPath, SnapshotProblem.None, null, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SnapshotFile(fullPath, SnapshotProblem.Unreadable, ex.Message, Array.Empty<byte>());
        }
    }

    /// <summary>
    /// The full path of a source's snapshot: relative to the file that defines the source; null when the
    /// source names none, or names something that cannot be a path (a NUL, say).
    /// </summary>
    public static string? PathOf(SourceDef source)
    {
        if (source.Snapshot is not { Length: > 0 } written || written.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0) return null;
        try
        {
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source.Path) ?? "", written));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>The largest snapshot read, as for the language's own files: a page, not a data dump.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;
}

/// <summary>
/// The project's evidence: its sources' snapshots, the passages they share, and the origins of
/// its sources as the independence checks count them. Made with each reading of the project, and
/// shared by every check of the same outline (the passages are found once per outline).
/// </summary>
public sealed class ProjectEvidence
{
    private readonly Dictionary<string, SnapshotFile> _byPath;
    private readonly Lazy<SharedPassages> _shared;

    public ProjectEvidence(IReadOnlyList<SnapshotFile> snapshots, IEnumerable<SourceDef> sources)
    {
        Snapshots = snapshots;
        _byPath = snapshots.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var all = sources.ToList();
        _shared = new Lazy<SharedPassages>(() => SharedPassages.Find(this, all),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static readonly ProjectEvidence None = new(Array.Empty<SnapshotFile>(), Array.Empty<SourceDef>());

    /// <summary>Every snapshot the project's sources name, in the order first named.</summary>
    public IReadOnlyList<SnapshotFile> Snapshots { get; }

    /// <summary>The snapshot of a source, or null when it names none.</summary>
    public SnapshotFile? SnapshotOf(SourceDef source) =>
        SnapshotFile.PathOf(source) is { } path ? _byPath.GetValueOrDefault(path) : null;

    /// <summary>The passages of 40 words or more that two snapshots share, found once per set of snapshots.</summary>
    public SharedPassages Shared => _shared.Value;

    /// <summary>
    /// The origin the independence checks count: the declared one (via, else the publisher), except
    /// that an unknown publisher never merges two sources, and sources whose snapshots share a
    /// passage of 40 words or more are one origin whatever they declare.
    /// </summary>
    public string OriginOf(SourceDef source) => Shared.OriginOf(source);

    /// <summary>The declared origin: via, else a known publisher; an unknown one is the source's own.</summary>
    public static string DeclaredOrigin(SourceDef source) =>
        source.Via is { } via ? SourceDef.OriginKey(via)
        : IsKnownPublisher(source.Publisher) ? SourceDef.OriginKey(source.Publisher!)
        : "source:" + source.Id;

    /// <summary>An origin in words, for messages: "Reuters", "an unnamed outlet (‘Insurgents breach Aleppo’)".</summary>
    public static string DescribeOrigin(SourceDef source) =>
        source.Via ?? (IsKnownPublisher(source.Publisher) ? source.Publisher! : $"an unnamed outlet ({source.Title ?? source.Id})");

    /// <summary>Whether a publisher names an outlet: not absent, and not written as unknown, unidentified, unnamed or anonymous.</summary>
    public static bool IsKnownPublisher(string? publisher)
    {
        if (string.IsNullOrWhiteSpace(publisher)) return false;
        string first = publisher.Trim().Split(' ', 2)[0].ToLowerInvariant();
        return first is not ("unknown" or "unidentified" or "unnamed" or "anonymous" or "n/a" or "none");
    }
}
