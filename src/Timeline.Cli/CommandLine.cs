using System.Reflection;
using Timeline.Cli.Output;
using Timeline.Core.Project;

namespace Timeline.Cli;

/// <summary>
/// The command line: <c>timeline check</c>, <c>export</c>, <c>capture</c>, <c>lsp</c>.
/// Exit 0 clean, 1 problems, 2 usage or I/O failure.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0, Problems = 1, UsageError = 2;

    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public const string Usage = """
        Usage:
          timeline check [PATH ...] [--format text|json|sarif|github] [--max-warnings N] [--no-color]
                         [--allow-catalogs-outside-root]
          timeline export [PATH] --format timelinejs|geojson|csv|markdown|html [-o FILE] [--force]
          timeline capture URL|FILE [--id ID] [--dir snapshots] [--add-to FILE] [--timeout SECONDS] [--max-size MIB]
          timeline lsp [--stdio]
          timeline --version | --help

        check   Checks the timeline projects of the given files and folders (default: .).
                Exit status: 0 no error (and no more warnings than --max-warnings),
                1 errors or too many warnings, 2 a usage or I/O failure.
        export  Writes the chronology of a project (or of one timeline file) in another format,
                to standard output or atomically to FILE. A project with errors is refused
                (exit 1) unless --force.
        capture Takes a snapshot of a news page (http or https, or a saved .html file): writes the
                original as DIR/ID.html and the plain reading of its main text as DIR/ID.txt (DIR
                relative to the project root), and the source entry with the reading's sha256 and
                the time: printed, or appended to the sources: list of the file given to --add-to.
                Limits: --timeout (default 20 s), --max-size (default 10 MiB), 5 redirects.
                Exit status: 0 written, 2 refused or failed (nothing written).
        lsp     Runs the language server on standard input and output.
        """;

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr, Directory.GetCurrentDirectory());

    /// <summary>Runs a command with <paramref name="cwd"/> as the current folder (paths are resolved and shown relative to it).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, string cwd)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? UsageError : Ok;
        }
        if (args[0] is "--version" or "-V" or "version")
        {
            stdout.WriteLine($"timeline {Version}");
            return Ok;
        }
        try
        {
            return args[0] switch
            {
                "check" => Check(args[1..], stdout, stderr, cwd),
                "export" => Export(args[1..], stdout, stderr, cwd),
                "capture" => await Capture(args[1..], stdout, stderr, cwd),
                "lsp" => await LanguageServerCommand.RunAsync(args[1..], stderr),
                _ => Fail(stderr, $"unknown command '{args[0]}'"),
            };
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"timeline: {ex.Message}");
            return UsageError;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"timeline: {ex.Message}");
            return UsageError;
        }
    }

    private static int Export(string[] args, TextWriter stdout, TextWriter stderr, string cwd)
    {
        string? path = null, output = null, formatName = null;
        bool force = false;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string? Value() => OptionValue(args, ref i);
            if (a == "--format" || a == "-f" || a.StartsWith("--format=", StringComparison.Ordinal)) formatName = Value();
            else if (a == "-o" || a == "--output" || a.StartsWith("--output=", StringComparison.Ordinal)) output = Value();
            else if (a == "--force") force = true;
            else if (a.StartsWith('-') && a.Length > 1) return Fail(stderr, $"unknown option '{a}'");
            else if (path is null) path = a;
            else return Fail(stderr, "export takes one PATH");
        }
        if (formatName is null) return Fail(stderr, "export needs --format timelinejs, geojson, csv, markdown or html");
        if (Timeline.Core.Export.Exporters.Parse(formatName) is not { } format)
            return Fail(stderr, $"--format takes timelinejs, geojson, csv, markdown or html, not '{formatName}'");
        string full = Path.GetFullPath(Path.Combine(cwd, path ?? "."));
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            stderr.WriteLine($"timeline: no such file or folder: {path}");
            return UsageError;
        }
        var fs = PhysicalFileSystem.Instance;
        string root = ProjectLoader.FindRoots(fs, new[] { full })[0];
        var project = ProjectAnalyzer.Analyze(ProjectLoader.Load(fs, root));
        int errors = project.Diagnostics.Values.Sum(l => l.Count(d => d.Severity == Timeline.Core.Checks.Severity.Error));
        if (errors > 0 && !force)
        {
            stderr.WriteLine($"timeline: the project has {errors} error{(errors == 1 ? "" : "s")}; "
                + "run `timeline check` to see them, or export anyway with --force");
            return Problems;
        }
        bool isTimeline = Timeline.Core.Language.FileKinds.FromPath(full) == Timeline.Core.Language.FileKind.Timeline;
        string? onlyFile = File.Exists(full) && isTimeline ? full : null;
        var chronology = Timeline.Core.Export.Chronology.From(project, onlyFile);
        string text = Timeline.Core.Export.Exporters.Write(chronology, format);
        if (output is null)
        {
            stdout.Write(text);
            return Ok;
        }
        WriteAtomically(Path.GetFullPath(Path.Combine(cwd, output)), text);
        return Ok;
    }

    /// <summary>Writes a file so that it is either the old one or the whole new one, never half of it.</summary>
    public static void WriteAtomically(string path, string text) => Timeline.Core.Capture.AtomicFile.Write(path, text);

    private static async Task<int> Capture(string[] args, TextWriter stdout, TextWriter stderr, string cwd)
    {
        string? input = null, id = null, dir = null, addTo = null;
        var limits = Timeline.Core.Capture.CaptureLimits.Default;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string? Value() => OptionValue(args, ref i);
            if (a == "--id" || a.StartsWith("--id=", StringComparison.Ordinal)) id = Value();
            else if (a == "--dir" || a.StartsWith("--dir=", StringComparison.Ordinal)) dir = Value();
            else if (a == "--add-to" || a.StartsWith("--add-to=", StringComparison.Ordinal)) addTo = Value();
            else if (a == "--timeout" || a.StartsWith("--timeout=", StringComparison.Ordinal))
            {
                if (!double.TryParse(Value(), System.Globalization.CultureInfo.InvariantCulture, out double s) || s <= 0 || s > 3600)
                    return Fail(stderr, "--timeout takes a number of seconds (up to 3600)");
                limits = limits with { Timeout = TimeSpan.FromSeconds(s) };
            }
            else if (a == "--max-size" || a.StartsWith("--max-size=", StringComparison.Ordinal))
            {
                if (!double.TryParse(Value(), System.Globalization.CultureInfo.InvariantCulture, out double mib) || mib <= 0 || mib > 1024)
                    return Fail(stderr, "--max-size takes a number of MiB (up to 1024)");
                limits = limits with { MaxBytes = (long)(mib * 1024 * 1024) };
            }
            else if (a.StartsWith('-') && a.Length > 1) return Fail(stderr, $"unknown option '{a}'");
            else if (input is null) input = a;
            else return Fail(stderr, "capture takes one URL or FILE");
        }
        if (input is null) return Fail(stderr, "capture needs a URL or a saved .html FILE");
        if (id == "" || dir == "" || addTo == "") return Fail(stderr, "--id, --dir and --add-to each take a value");
        var request = new Timeline.Core.Capture.CaptureRequest
        {
            Input = input, WorkingDirectory = cwd, Id = id, Dir = dir ?? "snapshots", AddTo = addTo, Limits = limits,
        };
        Timeline.Core.Capture.CaptureResult result;
        try
        {
            result = await Timeline.Core.Capture.Capturer.CaptureAsync(request);
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

    /// <summary>An option's value: after '=' in the same argument (--format=json), else the next argument (consumed).</summary>
    private static string? OptionValue(string[] args, ref int i)
    {
        string a = args[i];
        int eq = a.IndexOf('=');
        if (eq > 0) return a[(eq + 1)..];
        return i + 1 < args.Length ? args[++i] : null;
    }

    private static string Utf8(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"timeline: {message}");
        stderr.WriteLine(Usage);
        return UsageError;
    }

    private static int Check(string[] args, TextWriter stdout, TextWriter stderr, string cwd)
    {
        var paths = new List<string>();
        string format = "text";
        int? maxWarnings = null;
        bool noColor = false, allowOutside = false;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string? Value() => OptionValue(args, ref i);
            if (a == "--format" || a.StartsWith("--format=", StringComparison.Ordinal) || a == "-f")
            {
                format = Value() ?? "";
                if (format is not ("text" or "json" or "sarif" or "github"))
                    return Fail(stderr, $"--format takes text, json, sarif or github, not '{format}'");
            }
            else if (a == "--max-warnings" || a.StartsWith("--max-warnings=", StringComparison.Ordinal))
            {
                if (!int.TryParse(Value(), out int n) || n < -1) return Fail(stderr, "--max-warnings takes a whole number (-1 for no limit)");
                maxWarnings = n < 0 ? null : n;
            }
            else if (a == "--no-color") noColor = true;
            else if (a == "--allow-catalogs-outside-root") allowOutside = true;
            else if (a == "--") { paths.AddRange(args[(i + 1)..]); break; }
            else if (a.StartsWith('-') && a.Length > 1) return Fail(stderr, $"unknown option '{a}'");
            else paths.Add(a);
        }
        if (paths.Count == 0) paths.Add(".");
        var full = new List<string>();
        foreach (var p in paths)
        {
            string f = Path.GetFullPath(Path.Combine(cwd, p));
            if (!File.Exists(f) && !Directory.Exists(f))
            {
                stderr.WriteLine($"timeline: no such file or folder: {p}");
                return UsageError;
            }
            full.Add(f.TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } t ? t : f);
        }

        var files = Checker.Check(PhysicalFileSystem.Instance, full, allowCatalogsOutsideRoot: allowOutside);
        var report = files.Select(f => new ReportFile(Path.GetRelativePath(cwd, f.Path).Replace('\\', '/'), f)).ToList();
        switch (format)
        {
            case "json":
                stdout.Write(Utf8(o => JsonFormatter.Write(o, report)));
                break;
            case "sarif":
                stdout.Write(Utf8(o => SarifFormatter.Write(o, report, Version, cwd)));
                break;
            case "github":
                GitHubFormatter.Write(stdout, report);
                break;
            default:
                bool color = !noColor && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null
                    && ReferenceEquals(stdout, Console.Out);
                TextFormatter.Write(stdout, report, color);
                break;
        }
        stdout.Flush();
        var s = Summary.Of(report);
        return s.Errors > 0 || (maxWarnings is { } max && s.Warnings > max) ? Problems : Ok;
    }
}
