using Timeline.Core.Project;

namespace Timeline.Core.Checks;

/// <summary>TL307 snapshot-altered: the snapshot's SHA-256 is not the recorded sha256.</summary>
public sealed class SnapshotAlteredRule : ProjectRule
{
    public static readonly Rule Rule = new("TL307", "snapshot-altered", Severity.Error,
        "The snapshot file has changed since it was taken: its fingerprint (SHA-256) is not the recorded sha256.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A snapshot is evidence only while it is the page as it was read: a changed file may have been edited to fit the quotes.";

    public override string HowToFix =>
        "Restore the snapshot from version control, or, if the change is deliberate (a capture taken again), " +
        "apply \"Record the snapshot's new digest\": it is never applied without being asked.";

    public override void Check(ProjectCheck check)
    {
        foreach (var f in check.Project.Files)
            foreach (var s in f.Sources)
            {
                if (s.Sha256Node is not { } node || !StructureValidator.Sha256Pattern().IsMatch(node.Value)) continue;
                if (check.Evidence.SnapshotOf(s) is not { Problem: SnapshotProblem.None, Sha256: { } actual }) continue;
                if (string.Equals(actual, node.Value, StringComparison.OrdinalIgnoreCase)) continue;
                // Offered, never preferred: recording the digest accepts whatever the file now says.
                check.Report(f.Path, Rule, () => node.Span,
                    $"the snapshot '{s.Snapshot}' has changed since it was taken: its fingerprint (SHA-256) is {actual[..12]}…, " +
                    $"the source records {node.Value[..Math.Min(12, node.Value.Length)]}…; restore the file, or, if the " +
                    "change is yours, apply 'Record the snapshot's new digest'",
                    () => new[] { Fix.Replace("Record the snapshot's new digest", node.Span, actual) });
            }
    }
}
