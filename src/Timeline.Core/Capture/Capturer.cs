using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Core.Checks;
using Timeline.Core.Evidence;
using Timeline.Core.Language;
using Timeline.Core.Project;
using Timeline.Core.Services;
using Timeline.Core.Text;

namespace Timeline.Core.Capture;

/// <summary>What to capture and where: a page's address or a saved HTML file, and the source entry's id and home.</summary>
public sealed record CaptureRequest
{
    /// <summary>An http(s) address, or the path of a saved .html/.htm file (relative to <see cref="WorkingDirectory"/>).</summary>
    public required string Input { get; init; }
    public required string WorkingDirectory { get; init; }
    public string? Id { get; init; }
    /// <summary>The snapshots' folder, relative to the project root (the nearest folder up holding timeline.config.yaml).</summary>
    public string Dir { get; init; } = "snapshots";
    /// <summary>A sources or timeline file whose <c>sources:</c> list receives the entry.</summary>
    public string? AddTo { get; init; }
    public CaptureLimits Limits { get; init; } = CaptureLimits.Default;
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>What a capture wrote: the entry, its YAML, the files (full paths) and what the writer should know.</summary>
public sealed record CaptureResult(SourceEntry Entry, string Yaml, IReadOnlyList<string> Written, IReadOnlyList<string> Warnings);

/// <summary>
/// Takes a snapshot of a news page: fetches it (or reads a saved file), keeps the original
/// beside the plain reading of its main content, and writes the source entry that records
/// the reading's SHA-256 and the time. Nothing is written unless the whole page arrived and
/// was read and the entry can be added; each file is written atomically.
/// </summary>
public static partial class Capturer
{
    public static async Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancel = default)
    {
        if (request.Id is { } given && !StructureValidator.IsValidId(given))
            throw new CaptureRefusedException($"'{given}' is not a valid id: lower-case letters and digits in words joined by hyphens, "
                                              + $"at most {StructureValidator.MaxIdLength} characters");
        var page = await Read(request, cancel);
        var captured = TruncateToSeconds(request.Clock.GetUtcNow());
        var (reading, meta) = ReadingOf(page);
        var warnings = new List<string>();
        if (reading.Trim().Length == 0)
            warnings.Add("the page's reading is empty (a page built by JavaScript?); save it from a browser and capture the saved file");

        Uri? url = page.Url ?? meta.Canonical;
        string id = request.Id ?? SourceIds.Make(url, page.File);
        string root = ProjectLoader.FindConfigRoot(PhysicalFileSystem.Instance, StartOf(request)) ?? request.WorkingDirectory;
        string dir = Path.GetFullPath(Path.Combine(root, request.Dir));
        if (!Checker.IsUnder(dir, root))
            warnings.Add($"{request.Dir} is outside the project {root}: the check will not read snapshots there (TL306)");
        string snapshotPath = Path.Combine(dir, id + ".txt");
        string? originalPath = page.IsPlainText ? null : Path.Combine(dir, id + ".html");
        byte[] snapshotBytes = new UTF8Encoding(false).GetBytes(reading);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(snapshotBytes));
        string? publisher = meta.SiteName ?? (url is null ? null : HostWithoutWww(url));
        if (publisher is null) warnings.Add("the page does not name its outlet: fill in publisher");
        string? published = meta.Published is { } pd ? Day(pd, reading) : null;
        if (published is null) warnings.Add("the page gives no publication date: fill in published");

        string? addTo = request.AddTo is null ? null : Path.GetFullPath(Path.Combine(request.WorkingDirectory, request.AddTo));
        string snapshotRef = Relative(addTo is null ? root : Path.GetDirectoryName(addTo)!, snapshotPath);
        var entry = new SourceEntry(id, publisher, published, meta.Title, meta.Author, url?.AbsoluteUri, snapshotRef, sha256, captured);
        (string Text, bool Bom)? sourcesFile = addTo is null ? null : AppendEntry(addTo, entry);
        foreach (var p in new[] { snapshotPath, originalPath })
            if (p is not null && File.Exists(p))
                throw new CaptureRefusedException($"{Relative(request.WorkingDirectory, p)} already exists; choose another --id "
                                                  + "(a snapshot is never overwritten: its sha256 is recorded)");

        // Everything is known and checked: only now is anything written.
        var written = new List<string>();
        if (originalPath is not null)
        {
            AtomicFile.Write(originalPath, page.Bytes);
            written.Add(originalPath);
        }
        AtomicFile.Write(snapshotPath, snapshotBytes);
        written.Add(snapshotPath);
        if (sourcesFile is { } sf)
        {
            byte[] body = Encoding.UTF8.GetBytes(sf.Text);
            AtomicFile.Write(addTo!, sf.Bom ? [.. Encoding.UTF8.Preamble, .. body] : body);
            written.Add(addTo!);
        }
        return new CaptureResult(entry, entry.ToYaml(), written, warnings);
    }

    /// <summary>The plain reading of a page (plain text as it is; HTML as its main content's paragraphs) and its metadata.</summary>
    private static (string Reading, PageMetadata Meta) ReadingOf(RawPage page)
    {
        if (page.IsPlainText)
        {
            var day = page.Url is { } u && PageMetadata.DayInPath(u) is { } d ? new PageDate(d, DateOrigin.Url) : null;
            return (PageDecoder.Decode(page.Bytes, page.Charset, isHtml: false), new PageMetadata(null, null, null, day, null));
        }
        var doc = PageMetadata.Parse(PageDecoder.Decode(page.Bytes, page.Charset, isHtml: true));
        string reading = SnapshotText.FromHtml(MainContent.Html(doc)).Text;
        if (reading.Length > 0 && !reading.EndsWith('\n')) reading += "\n"; // a text file ends its last line
        return (reading, PageMetadata.Read(doc, page.Url));
    }

    /// <summary>The page's bytes: fetched for an http(s) address, read from disk for a saved file.</summary>
    private static async Task<RawPage> Read(CaptureRequest request, CancellationToken cancel)
    {
        string input = request.Input;
        string file = Path.GetFullPath(Path.Combine(request.WorkingDirectory, input));
        if (!File.Exists(file))
        {
            if (Uri.TryCreate(input, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                var page = await PageFetcher.FetchAsync(url, request.Limits, cancel);
                return new RawPage(page.Bytes, page.Charset, page.Url, null, page.IsPlainText);
            }
            if (UrlScheme().IsMatch(input))
                throw new CaptureRefusedException($"'{input}' is not an http or https address; only web pages and saved .html files are captured");
            throw new CaptureRefusedException($"no such file: {input} (give an http or https address, or a saved .html file)");
        }
        string ext = Path.GetExtension(file).ToLowerInvariant();
        if (ext is not (".html" or ".htm"))
            throw new CaptureRefusedException($"{input} is not a saved web page: give a .html or .htm file");
        if (new FileInfo(file).Length > request.Limits.MaxBytes)
            throw new CaptureRefusedException($"{input} is over the size limit of {PageFetcher.Describe(request.Limits.MaxBytes)}");
        return new RawPage(await File.ReadAllBytesAsync(file, cancel), null, null, file, false);
    }

    private sealed record RawPage(byte[] Bytes, string? Charset, Uri? Url, string? File, bool IsPlainText);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:(//)?[^\\]")]
    private static partial Regex UrlScheme();

    /// <summary>
    /// The new text of a sources or timeline file with the entry appended to its <c>sources:</c> list,
    /// and whether the file began with a byte order mark.
    /// </summary>
    private static (string Text, bool Bom) AppendEntry(string path, SourceEntry entry)
    {
        var kind = FileKinds.FromPath(path);
        if (kind is not (FileKind.Sources or FileKind.Timeline))
            throw new CaptureRefusedException($"{Path.GetFileName(path)} cannot hold sources: --add-to takes a " +
                "*.sources.yaml or *.timeline.yaml file");
        string text = "";
        bool bom = false;
        if (File.Exists(path))
        {
            byte[] bytes = File.ReadAllBytes(path);
            bom = bytes is [0xEF, 0xBB, 0xBF, ..];
            text = new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        }
        else if (kind == FileKind.Timeline)
            throw new CaptureRefusedException($"no such file: {path} (a new file is made only for *.sources.yaml)");
        var edit = AppendEdit(FileAnalyzer.Analyze(path, kind, new SourceText(text)), entry);
        return (text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..], bom);
    }

    /// <summary>
    /// The one insertion that adds the entry at the end of a file's <c>sources:</c> list (or the list at
    /// the file's end), keeping its comments, indentation and line endings; refused when the id is taken.
    /// </summary>
    public static TextEdit AppendEdit(FileModel file, SourceEntry entry)
    {
        if (file.Sources.Any(s => s.Id == entry.Id))
            throw new CaptureRefusedException($"{Path.GetFileName(file.Path)} already has a source '{entry.Id}'; choose another --id");
        return CodeActions.AppendToList(file, "sources", entry.Fields())
            ?? throw new CaptureRefusedException($"the sources: of {Path.GetFileName(file.Path)} is not a list the entry can be added to "
                                                 + "(a flow list [...] or a value); add it by hand");
    }

    /// <summary>Where the project root is looked for: beside the sources file, else in the working folder.</summary>
    private static string StartOf(CaptureRequest request) =>
        request.AddTo is null ? request.WorkingDirectory
            : Path.GetDirectoryName(Path.GetFullPath(Path.Combine(request.WorkingDirectory, request.AddTo)))!;

    private static string Relative(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');

    private static string HostWithoutWww(Uri url) => url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>
    /// The published day as the entry writes it: a day the page only gives in its address is the
    /// writer's inference (2024-11-29?) unless its text prints it.
    /// </summary>
    private static string Day(PageDate date, string reading)
    {
        string day = date.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return date.Origin == DateOrigin.Url && !Prints(reading, date.Day) ? day + "?" : day;
    }

    /// <summary>Whether a text prints a day: 29 November 2024, November 29, 2024, Nov. 29 2024, 2024-11-29, 29/11/2024, 29.11.2024.</summary>
    internal static bool Prints(string text, DateOnly day)
    {
        var f = CultureInfo.InvariantCulture.DateTimeFormat;
        string month = $"(?:{f.GetMonthName(day.Month)}|{f.GetAbbreviatedMonthName(day.Month)}\\.?)";
        string d = $"0?{day.Day}(?:st|nd|rd|th)?", y = day.Year.ToString(CultureInfo.InvariantCulture);
        string pattern = $@"(?<!\d){d}\s+(?:of\s+)?{month},?\s+{y}(?!\d)|{month}\s+{d},?\s+{y}(?!\d)"
            + $@"|(?<!\d){y}-{day.Month:00}-{day.Day:00}(?!\d)|(?<!\d)0?{day.Day}[/.]0?{day.Month}[/.]{y}(?!\d)";
        // No time limit: the pattern's pieces are bounded, so it runs in time linear in the text (a 10 MiB reading included).
        return Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
