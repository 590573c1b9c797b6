using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Reflection;
using System.Text;
using Timeline.Cli.Commands;
using Timeline.Cli.Output;
using Timeline.Core.Project;

namespace Timeline.Cli;

/// <summary>
/// The command line: <c>timeline check</c>, <c>fmt</c>, <c>export</c>, <c>capture</c>, <c>import</c>, <c>init</c>,
/// <c>lsp</c>, parsed by System.CommandLine (help, suggestions for mistyped names, shell completion through its
/// <c>[suggest]</c> directive). Exit 0 clean, 1 problems, 2 usage or I/O failure; messages go to stderr as
/// <c>timeline: …</c>.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0, Problems = 1, UsageError = 2;

    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static readonly string[] CurrentFolder = { "." };

    private const string TimelineFileNames =
        "a Timeline file is named NAME.timeline.yaml, NAME.places.yaml, NAME.actors.yaml, NAME.sources.yaml or timeline.config.yaml";

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr, Directory.GetCurrentDirectory());

    /// <summary>Runs a command with <paramref name="cwd"/> as the current folder (paths are resolved and shown relative to it).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, string cwd)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Build(cwd, args);
        if (args.Length == 0)
        {
            stderr.Write(RootHelp(root));
            return UsageError;
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors.Select(e => e.Message).Distinct()) stderr.WriteLine($"timeline: {error}");
            foreach (var hint in Suggestions(parse)) stderr.WriteLine($"timeline: {hint}");
            string command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
            stderr.WriteLine($"timeline: see `timeline {command}--help`");
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine($"timeline: {ex.Message}");
            return UsageError;
        }
    }

    /// <summary>
    /// The commands and their options: the one description of the command line, from which the parser, every
    /// <c>--help</c> and the usage synopsis come. <paramref name="args"/> are handed on to the language server as given.
    /// </summary>
    public static RootCommand Build(string cwd, IReadOnlyList<string>? args = null)
    {
        var root = new RootCommand("Timeline checks chronologies of events kept as YAML files.")
        {
            CheckCommand(cwd), FmtCommandLine(cwd), ExportCommand(cwd), CaptureCommand(cwd), ImportCommandLine(cwd),
            InitCommandLine(cwd), LspCommand(args ?? Array.Empty<string>()),
        };
        // Help says `timeline` however it is run (dotnet timeline.dll, a test host).
        root.HelpName = "timeline";
        foreach (var option in root.Options)
        {
            if (option is VersionOption) option.Action = new Run(p => WriteLine(p.InvocationConfiguration.Output, $"timeline {Version}"));
            if (option is HelpOption { Action: HelpAction standard }) option.Action = new Help(standard);
        }
        return root;
    }

    /// <summary>The usage lines of every command, then what each does: <c>timeline --help</c>, and what a bare
    /// <c>timeline</c> prints to stderr.</summary>
    public static string RootHelp(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var sb = new StringBuilder("Usage:\n");
        foreach (var c in root.Subcommands) sb.Append("  ").Append(Synopsis(c)).Append('\n');
        sb.Append("  timeline --version | --help\n\nCommands:\n");
        int width = root.Subcommands.Max(c => c.Name.Length) + 2;
        foreach (var c in root.Subcommands)
            sb.Append("  ").Append(c.Name.PadRight(width)).Append(FirstSentence(c.Description)).Append('\n');
        sb.Append("\nExit status: 0 clean, 1 problems (errors, or more warnings than --max-warnings), 2 a usage or I/O failure.\n");
        sb.Append("Run `timeline COMMAND --help` for what a command does and each of its options.\n");
        return sb.ToString();
    }

    /// <summary>One command's usage line: its arguments and options as the parser knows them (wrapped at 110 columns).</summary>
    public static string Synopsis(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parts = new List<string>();
        foreach (var a in command.Arguments.Where(a => !a.Hidden))
        {
            string label = a.HelpName ?? a.Name;
            if (a.Arity.MaximumNumberOfValues > 1) label += " ...";
            parts.Add(a.Arity.MinimumNumberOfValues == 0 ? $"[{label}]" : label);
        }
        foreach (var o in command.Options.Where(o => !o.Hidden))
        {
            string label = o.Arity.MaximumNumberOfValues == 0 || o.ValueType == typeof(bool) ? o.Name
                : o.Arity.MinimumNumberOfValues == 0 ? $"{o.Name} [{o.HelpName}]"
                : $"{o.Name} {o.HelpName}{(o.Arity.MaximumNumberOfValues > 1 || o.AllowMultipleArgumentsPerToken ? " ..." : "")}";
            parts.Add(o.Required ? label : $"[{label}]");
        }
        var sb = new StringBuilder("timeline ").Append(command.Name);
        int lineStart = 0, indent = sb.Length + 1;
        foreach (var part in parts)
        {
            if (sb.Length - lineStart + 1 + part.Length > 110)
            {
                sb.Append('\n');
                lineStart = sb.Length;
                sb.Append(' ', indent + 1);
            }
            sb.Append(' ').Append(part);
        }
        return sb.ToString().Replace("\n", "\n  ", StringComparison.Ordinal);
    }

    private static string FirstSentence(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        int end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text.TrimEnd('.') : text[..end];
    }

    private static int WriteLine(TextWriter w, string text)
    {
        w.WriteLine(text);
        return Ok;
    }

    /// <summary>Did-you-mean hints for the names the parser did not know: the command's options and the commands.</summary>
    private static IEnumerable<string> Suggestions(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var known = command is RootCommand root
            ? root.Subcommands.Select(c => c.Name).Concat(root.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            : command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Append("--help");
        var names = known.Distinct().ToList();
        var mistyped = parse.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith('-'))
            .Select(t => t.Value);
        foreach (var token in parse.UnmatchedTokens.Concat(mistyped).Distinct())
        {
            string typed = token.Split('=', 2)[0];
            var close = names.Where(n => IsClose(typed, n)).OrderBy(n => Distance(typed, n)).Take(3).ToList();
            if (close.Count > 0) yield return $"'{typed}': did you mean {string.Join(" or ", close.Select(n => $"'{n}'"))}?";
        }
    }

    private static bool IsClose(string typed, string name)
    {
        if (typed.Length < 2 || name.Length < 2) return false;
        int d = Distance(typed, name);
        return d <= Math.Max(1, name.Length / 3) || (typed.Length >= 4 && name.StartsWith(typed, StringComparison.Ordinal));
    }

    /// <summary>Optimal string alignment distance (edits, with a swap of neighbours counting as one).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>Files and folders, one or more; a word that starts with '-' is a mistyped option, not a path
    /// (a file whose name starts with '-' is given as ./-name).</summary>
    private static Argument<string[]> Paths(string description)
    {
        var paths = new Argument<string[]>("PATH") { Description = description, Arity = ArgumentArity.ZeroOrMore };
        paths.Validators.Add(r =>
        {
            foreach (var t in r.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
                r.AddError($"unknown option '{t.Value}'");
        });
        return paths;
    }

    private static Option<string> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', values) };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>A number option read with the invariant culture, within (<paramref name="min"/>, <paramref name="max"/>].</summary>
    private static Option<double?> Number(string name, string helpName, string description, double min, double max, string error)
    {
        return new Option<double?>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = r =>
            {
                if (r.Tokens.Count == 1 && double.TryParse(r.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                    && v > min && v <= max)
                    return v;
                r.AddError(error);
                return null;
            },
        };
    }

    private static Command CheckCommand(string cwd)
    {
        var paths = Paths("Files or folders to check (default: the current folder).");
        var format = Choice("--format", "How to print the findings (default: text).", "text", "json", "sarif", "github");
        format.Aliases.Add("-f");
        var maxWarnings = new Option<int>("--max-warnings")
        {
            Description = "Exit 1 when there are more warnings than N (-1, the default: no limit).",
            HelpName = "N",
            DefaultValueFactory = _ => -1,
            CustomParser = r =>
            {
                if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n)
                    && n >= -1)
                    return n;
                r.AddError("--max-warnings takes a whole number (-1 for no limit)");
                return -1;
            },
        };
        var noColor = new Option<bool>("--no-color") { Description = "No colour in the text format (as with NO_COLOR set)." };
        var allowOutside = new Option<bool>("--allow-catalogs-outside-root")
        {
            Description = "Read gazetteers that a project's config names outside the project's root (TL501 otherwise).",
        };
        var fix = new Option<bool>("--fix") { Description = "Apply the fixes that are certain, then report what remains." };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --fix: print the changes as a unified diff, change nothing." };
        var baseline = new Option<string>("--baseline")
        {
            Description = "Report only the findings not recorded in this baseline file, and say how many were.", HelpName = "FILE",
        };
        var writeBaseline = new Option<string>("--write-baseline")
        {
            Description = "Record today's findings in FILE (default: the --baseline FILE) and report none of them.",
            HelpName = "FILE",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("check",
            "Checks the projects of the given files and folders (default: .). Each one's project root is the nearest "
            + "folder upwards holding timeline.config.yaml, else the folder given; every file of the project is read and the "
            + "files under the paths given are reported. A path holding no Timeline file is a usage error (exit 2).")
        {
            paths, format, maxWarnings, noColor, allowOutside, fix, dryRun, baseline, writeBaseline,
        };
        command.SetAction(p =>
        {
            var settings = new CheckSettings(
                p.GetValue(paths) is { Length: > 0 } given ? given : CurrentFolder,
                p.GetValue(format) ?? "text", p.GetValue(maxWarnings), p.GetValue(noColor), p.GetValue(allowOutside),
                p.GetValue(fix), p.GetValue(dryRun), p.GetValue(baseline),
                p.GetResult(writeBaseline) is null ? null : p.GetValue(writeBaseline) ?? p.GetValue(baseline) ?? "");
            return Check(settings, p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, cwd);
        });
        return command;
    }

    private static Command FmtCommandLine(string cwd)
    {
        var paths = Paths("Files or folders to format (default: the current folder).");
        var check = new Option<bool>("--check") { Description = "Change nothing; list the files that would change and exit 1 if any." };
        var command = new Command("fmt",
            "Formats Timeline files in one canonical layout. Comments, line endings and the byte order mark are kept.") { paths, check };
        command.SetAction(p => FmtCommand.Run(p.GetValue(paths) is { Length: > 0 } given ? given : CurrentFolder, p.GetValue(check), cwd,
            p.InvocationConfiguration.Output, p.InvocationConfiguration.Error));
        return command;
    }

    private static Command ExportCommand(string cwd)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "The project, or one timeline file (default: the current folder).", Arity = ArgumentArity.ZeroOrOne,
        };
        var format = Choice("--format", "The format to write.", "timelinejs", "geojson", "csv", "markdown", "html");
        format.Aliases.Add("-f");
        format.Required = true;
        var output = new Option<string>("-o") { Description = "Write to FILE (atomically) instead of standard output.", HelpName = "FILE" };
        output.Aliases.Add("--output");
        var force = new Option<bool>("--force") { Description = "Export a project that has errors." };
        var command = new Command("export",
            "Writes a project's chronology in another format. The project of PATH, or one timeline file's events, in date "
            + "order, to standard output or to FILE. "
            + "A project with errors is refused (exit 1) unless --force.") { path, format, output, force };
        command.SetAction(p => Export(p.GetValue(path), p.GetValue(format)!, p.GetValue(output), p.GetValue(force),
            p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, cwd));
        return command;
    }

    private static Command CaptureCommand(string cwd)
    {
        var input = new Argument<string>("URL|FILE") { Description = "An http(s) address, or a saved .html file." };
        var id = new Option<string>("--id") { Description = "The source's id (default: from the address or the title).", HelpName = "ID" };
        var dir = new Option<string>("--dir") { Description = "Where the snapshots go, relative to the project root.", HelpName = "DIR" };
        dir.DefaultValueFactory = _ => "snapshots";
        var addTo = new Option<string>("--add-to")
        {
            Description = "Append the source entry to the sources: list of FILE instead of printing it.", HelpName = "FILE",
        };
        var timeout = Number("--timeout", "SECONDS", "Give up after this long (default: 20).", 0, 3600,
            "--timeout takes a number of seconds (up to 3600)");
        var maxSize = Number("--max-size", "MIB", "Refuse a page larger than this (default: 10).", 0, 1024,
            "--max-size takes a number of MiB (up to 1024)");
        var command = new Command("capture",
            "Keeps a snapshot of a news page in the project. Fetches it (http or https) or reads a saved .html file, writes the "
            + "original as DIR/ID.html and the "
            + "plain reading of its main text as DIR/ID.txt, and the source entry with the reading's sha256, printed or appended "
            + "to the file given to --add-to. At most 5 redirects. Exit 0 written, 2 refused or failed (nothing written).")
        {
            input, id, dir, addTo, timeout, maxSize,
        };
        command.SetAction(async (p, _) =>
        {
            var limits = Timeline.Core.Capture.CaptureLimits.Default;
            if (p.GetValue(timeout) is { } seconds) limits = limits with { Timeout = TimeSpan.FromSeconds(seconds) };
            if (p.GetValue(maxSize) is { } mib) limits = limits with { MaxBytes = (long)(mib * 1024 * 1024) };
            return await Capture(p.GetValue(input)!, p.GetValue(id), p.GetValue(dir)!, p.GetValue(addTo), limits,
                p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, cwd).ConfigureAwait(false);
        });
        return command;
    }

    private static Command ImportCommandLine(string cwd)
    {
        var format = new Argument<string>("FORMAT") { Description = "What FILE holds.", HelpName = "csv|timelinejs|acled" };
        format.AcceptOnlyFromAmong("csv", "timelinejs", "acled");
        var file = new Argument<string>("FILE") { Description = "The file to import." };
        var output = new Option<string>("-o") { Description = "Write the project's timeline to FILE.", HelpName = "FILE" };
        output.Aliases.Add("--output");
        var map = new Option<string[]>("--map")
        {
            Description = "Read column COLUMN as KEY (repeat for more columns).", HelpName = "COLUMN=KEY", Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Turns a CSV file, a TimelineJS file or an ACLED export into a Timeline project.")
        {
            format, file, output, map,
        };
        command.SetAction(p => ImportCommand.Run(p.GetValue(format)!, p.GetValue(file)!, p.GetValue(output),
            p.GetValue(map) ?? Array.Empty<string>(), cwd, p.InvocationConfiguration.Output, p.InvocationConfiguration.Error));
        return command;
    }

    private static Command InitCommandLine(string cwd)
    {
        var dir = new Argument<string>("DIR") { Description = "Where (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("init", "Starts a new project: a config and one timeline to edit.") { dir };
        command.SetAction(p => InitCommand.Run(p.GetValue(dir), cwd, p.InvocationConfiguration.Output, p.InvocationConfiguration.Error));
        return command;
    }

    private static Command LspCommand(IReadOnlyList<string> args)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Speak on standard input and output (the only transport)." };
        var command = new Command("lsp", "Runs the language server on standard input and output.") { stdio };
        // Editors' clients add options of their own (--clientProcessId=N); the server reads what it knows of them.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((p, _) => LanguageServerCommand.RunAsync(args.SkipWhile(a => a != "lsp").Skip(1).ToArray(),
            p.InvocationConfiguration.Error));
        return command;
    }

    private sealed class Run(Func<ParseResult, int> action) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult) => action(parseResult);
    }

    /// <summary>The root's help is the usage synopsis of every command; a command's is the parser's own.</summary>
    private sealed class Help(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Command is not RootCommand root) return standard.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.Write(RootHelp(root));
            return Ok;
        }
    }

    private sealed record CheckSettings(
        IReadOnlyList<string> Paths, string Format, int MaxWarnings, bool NoColor, bool AllowCatalogsOutsideRoot,
        bool Fix, bool DryRun, string? Baseline, string? WriteBaseline);

    private static int Check(CheckSettings s, TextWriter stdout, TextWriter stderr, string cwd)
    {
        if (s.DryRun && !s.Fix) return Fail(stderr, "--dry-run goes with --fix");
        if (s.WriteBaseline == "") return Fail(stderr, "--write-baseline needs a FILE (or --baseline FILE)");
        var full = new List<string>();
        foreach (var p in s.Paths)
        {
            string f = Path.GetFullPath(Path.Combine(cwd, p));
            if (!File.Exists(f) && !Directory.Exists(f))
            {
                stderr.WriteLine($"timeline: no such file or folder: {p}");
                return UsageError;
            }
            full.Add(f.TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } t ? t : f);
        }
        if (s.Fix && FixCommand.Run(full, s.DryRun, s.AllowCatalogsOutsideRoot, cwd, stdout, stderr) is { } fixStatus) return fixStatus;

        var files = Checker.Check(PhysicalFileSystem.Instance, full, allowCatalogsOutsideRoot: s.AllowCatalogsOutsideRoot);
        for (int i = 0; i < full.Count; i++)
        {
            if (files.Any(f => Checker.IsUnder(f.Path, full[i]))) continue;
            stderr.WriteLine(File.Exists(full[i])
                ? $"timeline: {s.Paths[i]} is not a Timeline file ({TimelineFileNames})"
                : $"timeline: no Timeline files found in {s.Paths[i]} ({TimelineFileNames})");
            return UsageError;
        }
        IReadOnlyList<ReportFile> report = files.Select(f => new ReportFile(Path.GetRelativePath(cwd, f.Path).Replace('\\', '/'), f)).ToList();
        if (s.WriteBaseline is { } target)
        {
            string targetPath = Path.GetFullPath(Path.Combine(cwd, target));
            int written = Output.Baseline.Write(targetPath, report);
            stderr.WriteLine($"timeline: wrote {Plural(written, "finding")} to the baseline {target}");
            report = Output.Baseline.Apply(report, Output.Baseline.Entries(report, targetPath), targetPath).Files;
        }
        else if (s.Baseline is { } baselineFile)
        {
            string baselinePath = Path.GetFullPath(Path.Combine(cwd, baselineFile));
            if (!File.Exists(baselinePath))
            {
                stderr.WriteLine($"timeline: no such baseline file: {baselineFile} (write one with --write-baseline)");
                return UsageError;
            }
            var outcome = Output.Baseline.Apply(report, Output.Baseline.Read(baselinePath), baselinePath);
            report = outcome.Files;
            string gone = outcome.Gone == 0 ? "" : $"; {Plural(outcome.Gone, "finding")} of the baseline no longer occur";
            stderr.WriteLine($"timeline: {Plural(outcome.Baselined, "finding")} in the baseline {baselineFile} not reported{gone}");
        }
        switch (s.Format)
        {
            case "json":
                WriteUtf8(stdout, o => JsonFormatter.Write(o, report));
                break;
            case "sarif":
                WriteUtf8(stdout, o => SarifFormatter.Write(o, report, Version, cwd));
                break;
            case "github":
                // Through a buffer of its own, as the text: the console's writer flushes every line.
                using (var buffered = BufferedConsole(stdout))
                {
                    GitHubFormatter.Write(buffered ?? stdout, report);
                }
                break;
            default:
                bool color = !s.NoColor && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null
                    && ReferenceEquals(stdout, Console.Out);
                // Through a buffer of its own: the console's writer flushes every line, three lines a finding.
                using (var buffered = BufferedConsole(stdout))
                {
                    TextFormatter.Write(buffered ?? stdout, report, color);
                }
                break;
        }
        stdout.Flush();
        var summary = Summary.Of(report);
        return summary.Errors > 0 || (s.MaxWarnings >= 0 && summary.Warnings > s.MaxWarnings) ? Problems : Ok;
    }

    /// <summary>A buffered writer onto the process's standard output, when that is what <paramref name="stdout"/> is; else null.</summary>
    private static StreamWriter? BufferedConsole(TextWriter stdout)
    {
        if (!ReferenceEquals(stdout, Console.Out)) return null;
        stdout.Flush();
        var encoding = Console.OutputEncoding.CodePage == 65001 ? new UTF8Encoding(false) : Console.OutputEncoding;
        // The stream is the console's: left open (disposing the writer flushes it).
        return new StreamWriter(Console.OpenStandardOutput(), encoding, 1 << 16, leaveOpen: true) { NewLine = stdout.NewLine };
    }

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";

    private static int Export(string? path, string formatName, string? output, bool force, TextWriter stdout, TextWriter stderr, string cwd)
    {
        var format = Timeline.Core.Export.Exporters.Parse(formatName)!.Value;
        string full = Path.GetFullPath(Path.Combine(cwd, path ?? "."));
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            stderr.WriteLine($"timeline: no such file or folder: {path}");
            return UsageError;
        }
        var fs = PhysicalFileSystem.Instance;
        string root = ProjectLoader.FindRoots(fs, new[] { full })[0];
        var project = ProjectAnalyzer.Analyze(ProjectLoader.Load(fs, root, keepForEdits: false));
        int errors = project.Diagnostics.Values.Sum(l => l.Count(d => d.Severity == Timeline.Core.Checks.Severity.Error));
        if (errors > 0 && !force)
        {
            stderr.WriteLine($"timeline: the project has {Plural(errors, "error")}; "
                + "run `timeline check` to see them, or export anyway with --force");
            return Problems;
        }
        bool isTimeline = Timeline.Core.Language.FileKinds.FromPath(full) == Timeline.Core.Language.FileKind.Timeline;
        string? onlyFile = File.Exists(full) && isTimeline ? full : null;
        var chronology = Timeline.Core.Export.Chronology.From(project, onlyFile);
        // Written as it is made, never held whole (the page of 100,000 events is 100 MB of text).
        if (output is null)
        {
            using (var buffered = BufferedConsole(stdout))
                Timeline.Core.Export.Exporters.Write(chronology, format, buffered ?? stdout);
            stdout.Flush();
            return Ok;
        }
        Timeline.Core.Capture.AtomicFile.Write(Path.GetFullPath(Path.Combine(cwd, output)), file =>
        {
            using var text = new StreamWriter(file, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            Timeline.Core.Export.Exporters.Write(chronology, format, text);
        });
        return Ok;
    }

    private static async Task<int> Capture(string input, string? id, string dir, string? addTo, Timeline.Core.Capture.CaptureLimits limits,
        TextWriter stdout, TextWriter stderr, string cwd)
    {
        if (id == "" || dir == "" || addTo == "") return Fail(stderr, "--id, --dir and --add-to each take a value");
        var request = new Timeline.Core.Capture.CaptureRequest
        {
            Input = input, WorkingDirectory = cwd, Id = id, Dir = dir, AddTo = addTo, Limits = limits,
        };
        Timeline.Core.Capture.CaptureResult result;
        try
        {
            result = await Timeline.Core.Capture.Capturer.CaptureAsync(request).ConfigureAwait(false);
        }
        catch (Timeline.Core.Capture.CaptureRefusedException ex)
        {
            stderr.WriteLine($"timeline: {ex.Message}");
            return UsageError;
        }
        foreach (var w in result.Warnings) stderr.WriteLine($"timeline: warning: {w}");
        string written = string.Join(", ", result.Written.Select(p => Path.GetRelativePath(cwd, p).Replace('\\', '/')));
        stderr.WriteLine($"timeline: captured {input} as '{result.Entry.Id}': wrote {written}");
        if (addTo is null) stdout.Write(result.Yaml);
        return Ok;
    }

    /// <summary>
    /// UTF-8 made by <paramref name="write"/>, streamed onto the process's standard output when that is where
    /// <paramref name="stdout"/> goes and it takes UTF-8: a report of 100,000 findings, made whole in memory first and
    /// then as a string, was 250 MB more at the highest. Into the writer otherwise (a test's, or another encoding's).
    /// </summary>
    private static void WriteUtf8(TextWriter stdout, Action<Stream> write)
    {
        if (!ReferenceEquals(stdout, Console.Out) || Console.OutputEncoding.CodePage != 65001)
        {
            stdout.Write(Utf8(write));
            return;
        }
        stdout.Flush();
        // The stream is the console's: flushed, and left open, as the text format's writer leaves it.
        var buffered = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        write(buffered);
        buffered.Flush();
    }

    private static string Utf8(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"timeline: {message}");
        return UsageError;
    }
}
