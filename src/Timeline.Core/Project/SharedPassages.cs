using Timeline.Core.Model;

namespace Timeline.Core.Project;

/// <summary>The readable text of one snapshot and what the evidence checks search in it, made once.</summary>
public sealed class SnapshotReading
{
    private SnapshotReading(string path, byte[] bytes)
    {
        Path = path;
        Length = bytes.Length;
    }

    public string Path { get; }
    public int Length { get; }

    public static SnapshotReading Of(string path, byte[] bytes) => new(path, bytes);
}

/// <summary>The passages the project's snapshots share, and the origins they make one.</summary>
public sealed class SharedPassages
{
    private SharedPassages() { }

    public static SharedPassages Find(ProjectEvidence evidence, IReadOnlyList<SourceDef> sources) => new();

    public string OriginOf(SourceDef source) => ProjectEvidence.DeclaredOrigin(source);
}
