using Timeline.Core.Formatting;
using Timeline.Core.Language;
using Timeline.Core.Syntax;
using Timeline.Core.Tests.Samples;

namespace Timeline.Core.Tests.Formatting;

/// <summary>The layout <c>timeline fmt</c> and the editor's formatting give, case by case.</summary>
public class FormatterTests
{
    private static string Fmt(string text, FileKind kind = FileKind.Timeline)
    {
        var r = Formatter.Format(text, kind);
        Assert.Null(r.Refusal);
        return r.Text;
    }

    [Fact]
    public void Keys_take_the_schemas_order_and_an_unknown_key_stays_after_the_key_it_followed()
    {
        string text = """
            events:
              - title: T
                x-desk: mine
                date: 2024-11-29
                id: e1
            title: A
            """.Replace("\r\n", "\n") + "\n";
        Assert.Equal("""
            title: A
            events:
              - id: e1
                date: 2024-11-29
                title: T
                x-desk: mine

            """.Replace("\r\n", "\n"), Fmt(text));
    }

    [Fact]
    public void Indentation_becomes_two_spaces_and_indentless_lists_are_indented()
    {
        string text = "title: A\nevents:\n- id: e1\n  date: 2024-11-29\n  title: T\n  sources:\n      - source: s\n        quote: q\n";
        Assert.Equal("title: A\nevents:\n  - id: e1\n    date: 2024-11-29\n    title: T\n    sources:\n      - source: s\n        quote: q\n", Fmt(text));
    }

    [Fact]
    public void Short_id_lists_are_flow_lists_and_long_ones_block_lists()
    {
        string shortList = "title: A\nevents:\n  - id: e1\n    actors:\n      - a\n      - b\n";
        Assert.Equal("title: A\nevents:\n  - id: e1\n    actors: [a, b]\n", Fmt(shortList));
        var ids = Enumerable.Range(0, 12).Select(i => $"armed-group-{i}").ToList();
        string longList = $"title: A\nevents:\n  - id: e1\n    actors: [{string.Join(", ", ids)}]\n";
        Assert.Equal("title: A\nevents:\n  - id: e1\n    actors:\n" + string.Concat(ids.Select(i => $"      - {i}\n")), Fmt(longList));
        // A list of names is not a list of ids: its layout is the writer's.
        string names = "places:\n  - id: p\n    name: P\n    names:\n      - Halab\n";
        Assert.Equal(names, Fmt(names, FileKind.Places));
    }

    [Fact]
    public void Quotes_go_where_YAML_does_not_need_them_and_stay_where_it_does()
    {
        string text = "title: 'Aleppo'\ntimezone: \"+03:00\"\nevents:\n  - id: e1\n    date: \"2020\"\n    title: \"a: b\"\n    summary: \"yes\"\n"
            + "    notes: \"Kafr Naya\"\n";
        Assert.Equal("title: Aleppo\ntimezone: \"+03:00\"\nevents:\n  - id: e1\n    date: \"2020\"\n    title: \"a: b\"\n    summary: \"yes\"\n"
            + "    notes: Kafr Naya\n", Fmt(text));
    }

    [Fact]
    public void One_blank_line_between_events_and_the_writers_blank_lines_inside_an_event_kept()
    {
        string text = "title: A\nevents:\n\n  - id: e1\n    date: 2024\n\n\n    title: T\n  - id: e2\n\n\n\n  - id: e3\n";
        Assert.Equal("title: A\nevents:\n  - id: e1\n    date: 2024\n\n    title: T\n\n  - id: e2\n\n  - id: e3\n", Fmt(text));
    }

    [Fact]
    public void Comments_move_with_the_key_below_them_and_keep_their_text()
    {
        string text = "title: A   # the title\nevents:\n  # the first\n  - title: T\n    # when\n    date: 2024 # roughly\n    id: e1\n# the end\n";
        Assert.Equal("title: A   # the title\nevents:\n  # the first\n  - id: e1\n    # when\n    date: 2024 # roughly\n    title: T\n# the end\n", Fmt(text));
    }

    [Fact]
    public void Block_texts_move_with_their_key_and_keep_their_lines()
    {
        string text = "title: A\nevents:\n- summary: |-\n    line one\n    # not a comment\n      indented\n  id: e1\n";
        Assert.Equal("title: A\nevents:\n  - id: e1\n    summary: |-\n      line one\n      # not a comment\n        indented\n", Fmt(text));
    }

    [Fact]
    public void Crlf_and_the_byte_order_mark_are_kept()
    {
        string text = "\uFEFFevents:\r\n  - id: e1\r\ntitle: A\r\n";
        Assert.Equal("\uFEFFtitle: A\r\nevents:\r\n  - id: e1\r\n", Fmt(text));
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_left_untouched_and_the_error_is_named()
    {
        string text = "events:\n  - id: e1\n    title: [unclosed\ntitle: A\n";
        var r = Formatter.Format(text, FileKind.Timeline);
        Assert.False(r.Changed);
        Assert.Equal(text, r.Text);
        Assert.Contains("TL001", r.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Edits_are_minimal_one_line_changed_is_one_line_replaced()
    {
        string text = "title: A\nevents:\n  - id: e1\n    date: 2024\n    title: 'T'\n  # keep\n";
        var source = new Timeline.Core.Text.SourceText(text);
        var edits = Formatter.Edits(source, FileKind.Timeline);
        var edit = Assert.Single(edits);
        Assert.Equal("    title: 'T'\n", text[edit.Span.Start..edit.Span.End]);
        Assert.Equal("    title: T\n", edit.NewText);
    }

    [Fact]
    public void Range_formatting_touches_only_the_events_in_the_range()
    {
        string text = "title: A\nevents:\n  - title: 'T'\n    id: e1\n\n  - title: 'U'\n    id: e2\n";
        var source = new Timeline.Core.Text.SourceText(text);
        int second = text.IndexOf("'U'", StringComparison.Ordinal);
        var edits = Formatter.RangeEdits(source, FileKind.Timeline, new Timeline.Core.Text.TextSpan(second, second + 1));
        Assert.Equal("title: A\nevents:\n  - title: 'T'\n    id: e1\n\n  - id: e2\n    title: U\n", LineDiff.Apply(text, edits));
    }

    [Fact]
    public void Formatted_examples_stay_as_they_are()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("examples"), "*.yaml", SearchOption.AllDirectories))
        {
            string once = Fmt(File.ReadAllText(file), FileKinds.FromPath(file));
            Assert.Equal(once, Fmt(once, FileKinds.FromPath(file)));
        }
    }
}
