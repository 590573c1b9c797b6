using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

/// <summary>A line of facts shown above an event's id: its title only, nothing to run.</summary>
public sealed record CodeLens(TextSpan Span, string Title);

/// <summary>
/// What a reader weighs an event by, above its id: how many sources it cites, how many
/// independent origins they come from, and its status.
/// </summary>
public static class CodeLenses
{
    public static IReadOnlyList<CodeLens> Of(FileModel file, SymbolTable symbols)
    {
        var lenses = new List<CodeLens>(file.Events.Count * 3);
        foreach (var e in file.Events)
        {
            if (e.Id.Length == 0) continue;
            var cited = e.AllCitations().Select(c => c.Source.Id).Distinct(StringComparer.Ordinal).ToList();
            var known = cited.Select(id => symbols.Find<SourceDef>(SymbolKind.Source, id)).OfType<SourceDef>().ToList();
            int unknown = cited.Count - known.Count;
            // Origins as the independence checks count them (TL302): shared text and unnamed outlets included.
            int origins = known.Select(symbols.Evidence.OriginOf).Distinct(StringComparer.Ordinal).Count();
            string sources = Count(cited.Count, "source", "no source") + (unknown > 0 ? $" ({unknown} not defined)" : "");
            lenses.Add(new CodeLens(e.IdSpan, sources));
            lenses.Add(new CodeLens(e.IdSpan, Count(origins, "independent origin", "no independent origin")));
            lenses.Add(new CodeLens(e.IdSpan, $"status: {e.Status}"));
        }
        return lenses;
    }


    private static string Count(int n, string what, string none) => n switch
    {
        0 => none,
        1 => $"1 {what}",
        _ => $"{n} {what}s",
    };
}
