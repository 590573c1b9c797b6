using Timeline.Core.Catalogs;
using Timeline.Core.Language;
using Timeline.Core.Model;

namespace Timeline.Core.Checks;

/// <summary>TL205 duplicate-id: the same id twice for one kind in the project (a built-in's id included).</summary>
public sealed class DuplicateIdRule : ProjectRule
{
    public static readonly Rule Rule = new("TL205", "duplicate-id", Severity.Error,
        "The same id twice for one kind in the project.");

    public override Rule Descriptor => Rule;

    /// <summary>Events are among the definitions it reports on.</summary>
    public override bool EveryCheck => true;

    public override string Why =>
        "Every file of a project sees every definition: two definitions of one id make every reference to it ambiguous.";

    public override string HowToFix =>
        "Rename one of the two (rename edits every reference), or remove the copy — a place or actor the built-in " +
        "catalogs already define needs no definition of its own.";

    public override void Check(ProjectCheck check)
    {
        var texts = check.Project.Files.ToDictionary(f => f.Path, f => f.Source, StringComparer.Ordinal);
        int LineOf(Definition d) => texts.TryGetValue(d.Path, out var t) ? t.LineOf(d.IdSpan.Start) + 1 : 0;
        foreach (SymbolKind kind in Enum.GetValues<SymbolKind>())
            foreach (var group in check.Symbols.Duplicates(kind))
                for (int i = 0; i < group.Count; i++)
                {
                    var d = group[i];
                    // Reported on the project's own definitions: a catalog is not the writer's to edit.
                    if (d.FromCatalog) continue;
                    var other = group[i == 0 ? 1 : 0];
                    string where = other.FromCatalog
                        ? (BuiltinCatalogs.NameOf(other.Path) is { } builtin
                            ? $"in the built-in catalog {builtin}"
                            : $"in the catalog {Path.GetFileName(other.Path)}")
                        : other.Path == d.Path
                            ? $"on line {LineOf(other)} of this file"
                            : $"in {Path.GetFileName(other.Path)}, line {LineOf(other)}";
                    string word = kind.Word();
                    check.Report(d.Path, Rule, () => d.IdSpan,
                        $"the {word} id '{d.Id}' is defined {group.Count} times; it is also defined {where}. Ids are " +
                        "unique for each kind in a project");
                }
    }
}
