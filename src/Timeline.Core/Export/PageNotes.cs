using Timeline.Core.Checks;
using Timeline.Core.Project;

namespace Timeline.Core.Export;

/// <summary>A problem the checker found in an event, as the preview shows it beside the event.</summary>
public sealed record EventProblem(string Code, Severity Severity, string Message);

/// <summary>
/// What an editor's preview tells beside the chronology, so that it never looks better than the text is:
/// the problems of each event, the problems outside any event, and the files whose unsaved text it shows.
/// An export to a file has none of these.
/// </summary>
public sealed record PageNotes(
    IReadOnlyDictionary<string, IReadOnlyList<EventProblem>> ProblemsByEvent, int ProblemsElsewhere, IReadOnlyList<string> UnsavedFiles)
{
    /// <summary>
    /// The errors and warnings of the chronology's files, each given to the event whose text holds it; with
    /// <paramref name="unsavedPaths"/>, the files the editor has changed and not saved (named by file name).
    /// </summary>
    public static PageNotes From(ProjectResult project, Chronology chronology, IEnumerable<string> unsavedPaths)
    {
        var byEvent = new Dictionary<string, IReadOnlyList<EventProblem>>(StringComparer.Ordinal);
        int elsewhere = 0;
        foreach (var path in chronology.Events.Select(e => e.Event.Path).Distinct(StringComparer.Ordinal))
        {
            var events = chronology.Events.Where(e => e.Event.Path == path).Select(e => e.Event).ToList();
            foreach (var d in project.For(path))
            {
                if (d.Severity == Severity.Info) continue;
                var owner = events.FirstOrDefault(e => e.Span.Start <= d.Span.Start && d.Span.End <= e.Span.End);
                if (owner is null) { elsewhere++; continue; }
                var list = byEvent.TryGetValue(owner.Id, out var l) ? (List<EventProblem>)l : new List<EventProblem>();
                list.Add(new EventProblem(d.Code, d.Severity, d.Message));
                byEvent[owner.Id] = list;
            }
        }
        var unsaved = unsavedPaths.Select(Path.GetFileName).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new PageNotes(byEvent, elsewhere, unsaved);
    }
}
