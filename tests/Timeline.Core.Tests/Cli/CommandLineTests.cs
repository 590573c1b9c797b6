using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using Timeline.Cli;

namespace Timeline.Core.Tests.Cli;

/// <summary>The parser's contract: help that agrees with the README, suggestions, completion, and the usage errors.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-cmdline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(string cwd, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CommandLine.RunAsync(args, TextReader.Null, o, e, cwd).GetAwaiter().GetResult();
        return (code, o.ToString(), e.ToString());
    }

    private static IEnumerable<string> Names(Option o) => o.Aliases.Prepend(o.Name);

    [GeneratedRegex(@"(?<![\w-])--?[a-zA-Z][a-zA-Z-]*")]
    private static partial Regex OptionWord();

    /// <summary>The commands and options of the README's command-line section: each `timeline COMMAND …` line of its
    /// first code block, continuation lines (indented) included.</summary>
    private static Dictionary<string, HashSet<string>> ReadmeCommands()
    {
        string readme = File.ReadAllText(Repo.Path("README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("\n## The command line\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "the README has a section '## The command line'");
        int open = readme.IndexOf("```", section, StringComparison.Ordinal);
        int close = readme.IndexOf("```", open + 3, StringComparison.Ordinal);
        var commands = new Dictionary<string, HashSet<string>>();
        HashSet<string>? current = null;
        foreach (var line in readme[(readme.IndexOf('\n', open) + 1)..close].Split('\n'))
        {
            var m = Regex.Match(line, @"^timeline ([a-z]+)\b");
            if (m.Success) commands[m.Groups[1].Value] = current = new HashSet<string>(StringComparer.Ordinal);
            else if (!line.StartsWith(' ')) current = null;
            if (current is null) continue;
            foreach (Match o in OptionWord().Matches(m.Success ? line[m.Length..] : line)) current.Add(o.Value);
        }
        return commands;
    }

    [Fact]
    public void The_readme_and_help_name_the_same_commands_and_options()
    {
        var root = CommandLine.Build(_dir);
        var readme = ReadmeCommands();
        Assert.Equal(root.Subcommands.Select(c => c.Name).Order(), readme.Keys.Order());
        var (code, rootHelp, _) = Run(_dir, "--help");
        Assert.Equal(0, code);
        Assert.Contains("timeline --version | --help", rootHelp);
        foreach (var command in root.Subcommands)
        {
            var options = command.Options.Where(o => !o.Hidden && o is not HelpOption).ToList();
            var known = options.SelectMany(Names).ToHashSet();
            var listed = readme[command.Name];
            Assert.All(options, o => Assert.True(Names(o).Any(listed.Contains), $"README: timeline {command.Name} lacks {o.Name}"));
            Assert.All(listed, word => Assert.True(known.Contains(word), $"README: timeline {command.Name} has {word}, which it does not take"));

            var (helpCode, help, _) = Run(_dir, command.Name, "--help");
            Assert.Equal(0, helpCode);
            Assert.Contains($"timeline {command.Name}", help);
            Assert.All(options.SelectMany(Names), name => Assert.Contains(name, help));
            Assert.Contains($"  {command.Name} ", rootHelp);
            Assert.Contains(CommandLine.Synopsis(command), rootHelp);
            Assert.All(options, o => Assert.Contains(o.Name, CommandLine.Synopsis(command)));
        }
    }

    [Fact]
    public void No_arguments_print_usage_to_stderr_and_exit_2()
    {
        var (code, output, error) = Run(_dir);
        Assert.Equal((2, ""), (code, output));
        Assert.StartsWith("Usage:\n  timeline check [PATH ...]", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Version()
    {
        var (code, output, _) = Run(_dir, "--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^timeline \d+\.\d+\.\d+", output);
    }

    [Theory]
    [InlineData("--fromat", "--format")]
    [InlineData("--max-warning", "--max-warnings")]
    [InlineData("--no-colour", "--no-color")]
    [InlineData("--basline", "--baseline")]
    public void A_mistyped_option_is_refused_with_a_suggestion(string typed, string meant)
    {
        var (code, output, error) = Run(_dir, "check", typed, "json");
        Assert.Equal((2, ""), (code, output));
        Assert.Contains($"did you mean '{meant}'", error);
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("timeline: ", line));
    }

    [Fact]
    public void A_mistyped_command_is_refused_with_a_suggestion()
    {
        var (code, _, error) = Run(_dir, "chek", ".");
        Assert.Equal(2, code);
        Assert.Contains("did you mean 'check'", error);
    }

    [Theory]
    [InlineData("check", "--dry-run")]
    [InlineData("check", "--write-baseline")]
    [InlineData("check", "--format")]
    [InlineData("check", "--max-warnings", "-2")]
    [InlineData("export", ".")]
    [InlineData("import", "xml", "a.xml")]
    [InlineData("import", "csv")]
    [InlineData("init", "a", "b")]
    [InlineData("capture", "a.html", "--timeout", "0")]
    public void Usage_errors_exit_2_on_stderr(params string[] args)
    {
        File.WriteAllText(Path.Combine(_dir, "a.timeline.yaml"), "title: A\nevents: []\n");
        var (code, output, error) = Run(_dir, args);
        Assert.Equal((2, ""), (code, output));
        Assert.StartsWith("timeline: ", error);
    }

    [Fact]
    public void A_folder_without_timeline_files_is_a_usage_error_that_says_what_a_timeline_file_is()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        File.WriteAllText(Path.Combine(_dir, "empty", "notes.yaml"), "a: 1\n");
        var (code, output, error) = Run(_dir, "check", "empty");
        Assert.Equal((2, ""), (code, output));
        Assert.Contains("no Timeline files found in empty", error);
        Assert.Contains(".timeline.yaml", error);
        var notOne = Run(_dir, "check", "empty/notes.yaml");
        Assert.Equal(2, notOne.Code);
        Assert.Contains("empty/notes.yaml is not a Timeline file", notOne.Err);
    }

    [Fact]
    public void A_project_with_only_a_config_is_checked()
    {
        File.WriteAllText(Path.Combine(_dir, "timeline.config.yaml"), "");
        Assert.Equal(0, Run(_dir, "check").Code);
    }

    [Fact]
    public void Shell_completion_comes_from_the_suggest_directive()
    {
        var (code, output, _) = Run(_dir, "[suggest:18]", "timeline check --f");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("--format", lines);
        Assert.Contains("--fix", lines);
    }

    [Fact]
    public void Lsp_takes_the_options_editors_pass()
    {
        var (code, _, error) = Run(_dir, "lsp", "--stdio", "--bogus");
        Assert.Equal(2, code);
        Assert.Contains("unknown option '--bogus'", error);
    }
}
