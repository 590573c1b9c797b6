using Timeline.Core.Checks;
using Timeline.Core.Services;
using Timeline.Core.Syntax;

namespace Timeline.Core.Capture;

/// <summary>A capture added to a source that is already written: its snapshot, digest and time, and what the page says of itself.</summary>
public static class CapturedSource
{
    /// <summary>
    /// The edit that adds to the source <paramref name="id"/> of a file the keys a capture found and the source lacks
    /// (snapshot, sha256, captured; title and author when the page gives them); null when the file has no such source.
    /// </summary>
    public static TextEdit? AddTo(FileModel file, string id, SourceEntry entry)
    {
        if (file.Document.Root is not MappingNode root) return null;
        var source = root.ObjectsOf("sources").FirstOrDefault(m => m["id"] is ScalarNode s && s.Value == id);
        if (source is null) return null;
        var lines = entry.Fields()
            .Select(f => (Key: f[..f.IndexOf(':', StringComparison.Ordinal)], Line: f))
            .Where(f => f.Key is "snapshot" or "sha256" or "captured" or "title" or "author" && source.Find(f.Key) is null)
            .Select(f => f.Line).ToList();
        return MappingEdits.AddEntries(file.Source, source, lines);
    }
}
