using System.Globalization;
using System.Text.RegularExpressions;
using Timeline.Core.Checks;
using Timeline.Core.Syntax;

namespace Timeline.Core.Capture;

/// <summary>
/// The source a capture writes: what the page says of itself, where its snapshot is kept and
/// the snapshot's digest and time. A value the page did not give is left empty, with a comment
/// that asks the writer for it.
/// </summary>
public sealed record SourceEntry(
    string Id, string? Publisher, string? Published, string? Title, string? Author, string? Url,
    string Snapshot, string Sha256, DateTimeOffset Captured)
{
    public const string CapturedFormat = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>The entry's lines as <c>key: value</c>, in the order of the language's source table.</summary>
    public IReadOnlyList<string> Fields()
    {
        var fields = new List<string> { $"id: {Id}" };
        fields.Add(Publisher is null ? "publisher:  # not on the page: the outlet's name" : $"publisher: {YamlScalars.Write(Publisher)}");
        fields.Add(Published is null ? "published:  # not on the page: the day it was published, 2024-11-29? if you infer it"
            : $"published: {Published}");
        if (Title is not null) fields.Add($"title: {YamlScalars.Write(Title)}");
        if (Author is not null) fields.Add($"author: {YamlScalars.Write(Author)}");
        if (Url is not null) fields.Add($"url: {YamlScalars.Write(Url)}");
        fields.Add($"snapshot: {YamlScalars.Write(Snapshot)}");
        fields.Add($"sha256: {Sha256}");
        fields.Add($"captured: {Captured.UtcDateTime.ToString(CapturedFormat, CultureInfo.InvariantCulture)}");
        return fields;
    }

    /// <summary>The entry as one item of a <c>sources:</c> list, at the left margin.</summary>
    public string ToYaml(string newLine = "\n") => "- " + string.Join(newLine + "  ", Fields()) + newLine;
}

/// <summary>Makes a source id from where a page came from: its site and the last words of its path (reuters-rebels-enter-aleppo).</summary>
public static partial class SourceIds
{
    private const int MaxWords = 6;

    private static readonly HashSet<string> HostPrefixes = new(StringComparer.Ordinal) { "www", "m", "amp", "mobile", "edition" };
    private static readonly HashSet<string> SecondLevels = new(StringComparer.Ordinal) { "co", "com", "org", "net", "gov", "ac", "edu", "news" };

    [GeneratedRegex(@"\.(s?html?|php|aspx?|jsp|cms|stm|txt)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageExtension();

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(-?\d{2}){2}(?!\d)")]
    private static partial Regex DateInSlug();

    /// <summary>The outlet's part of a host name: news.bbc.co.uk → bbc, www.reuters.com → reuters.</summary>
    public static string Site(string host)
    {
        var labels = host.ToLowerInvariant().TrimEnd('.').Split('.').SkipWhile(HostPrefixes.Contains).ToList();
        if (labels.Count >= 3 && labels[^1].Length == 2 && SecondLevels.Contains(labels[^2])) labels.RemoveAt(labels.Count - 1);
        if (labels.Count >= 2) labels.RemoveAt(labels.Count - 1);
        return StructureValidator.Slug(labels.Count > 0 ? labels[^1] : host);
    }

    /// <summary>An id for a page at <paramref name="url"/>, or from a saved file's name when there is no address.</summary>
    public static string Make(Uri? url, string? fileName)
    {
        // An address by number names no outlet.
        string site = url is null || url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? "" : Site(url.Host);
        string words = "";
        if (url is not null)
        {
            foreach (string segment in url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                if ((words = Words(Uri.UnescapeDataString(segment))).Length > 0) break;
        }
        else if (fileName is not null) words = Words(Path.GetFileName(fileName));
        if (words.StartsWith(site + "-", StringComparison.Ordinal) || words == site) site = "";
        string id = string.Join('-', new[] { site, words }.Where(p => p.Length > 0));
        if (id.Length > StructureValidator.MaxIdLength)
        {
            // Whole words only: cut at the last hyphen that leaves at most the maximum.
            int cut = id.LastIndexOf('-', StructureValidator.MaxIdLength);
            id = cut > 0 ? id[..cut] : id[..StructureValidator.MaxIdLength];
        }
        return id.Length > 0 && StructureValidator.IsValidId(id) ? id : "source";
    }

    /// <summary>The words of a path segment that name the page: no extension, date or long number (an article's serial).</summary>
    private static string Words(string segment)
    {
        string s = DateInSlug().Replace(PageExtension().Replace(segment, ""), " ");
        var words = StructureValidator.Slug(s).Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !(w.Length > 4 && w.All(char.IsAsciiDigit))).ToList();
        // A segment that is only numbers or a language code ("en", "ar") does not name the page.
        if (!words.Any(w => w.Count(char.IsAsciiLetter) >= 3)) return "";
        return string.Join('-', words.Take(MaxWords));
    }
}
