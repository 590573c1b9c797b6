using Timeline.Core.Project;
using Timeline.Core.Syntax;

namespace Timeline.Core.Checks;

/// <summary>TL306 snapshot-missing: a source's snapshot does not exist, is outside the project, or cannot be read.</summary>
public sealed class SnapshotMissingRule : ProjectRule
{
    public static readonly Rule Rule = new("TL306", "snapshot-missing", Severity.Error,
        "A source's snapshot file does not exist, is outside the project, or cannot be read.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "The snapshot is the text every quote of the source is checked against: without it, no quote can be verified, " +
        "and a snapshot outside the project is not in the repository a reviewer reads.";

    public override string HowToFix =>
        "Correct the path (relative to the file that defines the source), take the snapshot again with " +
        "`timeline capture URL --id ID`, or remove the snapshot key.";

    public override void Check(ProjectCheck check)
    {
        foreach (var f in check.Project.Files)
            foreach (var s in f.Sources)
            {
                if (s.SnapshotNode is not { IsNull: false } node) continue;
                if (SnapshotFile.PathOf(s) is null)
                {
                    check.Report(f.Path, Rule, () => node.Span,
                        $"the snapshot '{Visible(YamlDocument.Shorten(node.Value))}' of the source '{s.Id}' is not a file path; "
                        + "write the path of a .txt, .md or .html file in the project, such as snapshots/npa.txt");
                    continue;
                }
                if (check.Evidence.SnapshotOf(s) is not { } snap) continue;
                string? why = snap.Problem switch
                {
                    SnapshotProblem.Missing => $"the snapshot '{s.Snapshot}' of the source '{s.Id}' was not found " +
                        $"(looked for {Path.GetRelativePath(check.Project.Root, snap.Path).Replace('\\', '/')} under the project root); " +
                        "the source's quotes cannot be checked",
                    SnapshotProblem.OutsideRoot => $"the snapshot '{s.Snapshot}' of the source '{s.Id}' is outside the project, " +
                        "so it is not read; keep snapshots in the project (snapshots/ beside the sources)",
                    SnapshotProblem.Unreadable => $"the snapshot '{s.Snapshot}' of the source '{s.Id}' could not be read: {snap.Error}",
                    _ => null,
                };
                if (why is not null) check.Report(f.Path, Rule, () => node.Span, why);
            }
    }

    /// <summary>Control characters written as escapes, so that a message never carries them.</summary>
    private static string Visible(string text) => string.Concat(text.Select(c =>
        char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
}
