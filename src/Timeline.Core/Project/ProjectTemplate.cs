using System.Globalization;

namespace Timeline.Core.Project;

/// <summary>A file of a new project: its name relative to the project's folder, and its text.</summary>
public sealed record TemplateFile(string Name, string Text);

/// <summary>
/// A new project, as <c>timeline init</c> and the editor's "New Chronology" write it: a config that
/// uses the built-in catalogs and one timeline with one source and one event to edit. Both check
/// clean as written, so the first problem a writer sees is one they made.
/// </summary>
public static class ProjectTemplate
{
    public const string ConfigName = "timeline.config.yaml";
    public const string TimelineName = "chronology.timeline.yaml";

    /// <summary>The files of a new project, dated <paramref name="today"/> (the day the writer starts).</summary>
    public static IReadOnlyList<TemplateFile> Files(DateOnly today)
    {
        string day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string config =
            "# The project's settings. Every file named *.timeline.yaml under this folder is part of the chronology.\n" +
            "# use: the catalogs that ship with Timeline (places of Syria and its neighbours, Syrian actors;\n" +
            "# builtin:world adds the world's larger places). Completion lists their places and actors.\n" +
            "use: [builtin:levant, builtin:syria-actors]\n" +
            "# Every event must cite at least one source.\n" +
            "require-sources: true\n";
        string timeline =
            "title: My chronology\n" +
            "\n" +
            "# The reports the events come from. Paste a report's link under an event's sources:\n" +
            "# the quick fix makes the source from it.\n" +
            "sources:\n" +
            "  - id: first-report\n" +
            "    publisher: Name of the outlet\n" +
            $"    published: {day}\n" +
            "    # url: https://…\n" +
            "\n" +
            "events:\n" +
            "  - id: first-event\n" +
            $"    date: {day}\n" +
            "    title: What happened, in one line\n" +
            "    # places: and actors: take ids; completion offers the built-in ones.\n" +
            "    sources: [first-report]\n";
        return new[] { new TemplateFile(ConfigName, config), new TemplateFile(TimelineName, timeline) };
    }
}
