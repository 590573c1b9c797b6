using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Core.Dates;
using Timeline.Core.Model;

namespace Timeline.Core.Export;

/// <summary>
/// The words a reader sees, as plain text for every format to escape its own way: sources named by
/// publisher and title, claims as reported speech or quotation, figures as sentences.
/// </summary>
public static partial class Prose
{
    [GeneratedRegex(@"^\s*(?:the\s+)?(?:unidentified|unknown|unnamed|anonymous)(?:\s+(?:outlet|source|publisher|website|site|media))?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex UnnamedPublisher();

    /// <summary>Whether a publisher is an unnamed outlet: absent, or written as unknown/unidentified/unnamed.</summary>
    public static bool IsUnnamedOutlet(string? publisher) => string.IsNullOrWhiteSpace(publisher) || UnnamedPublisher().IsMatch(publisher);

    /// <summary>What names the outlet in reader text: its publisher, or "unnamed outlet".</summary>
    public static string Outlet(SourceDef s) => IsUnnamedOutlet(s.Publisher) ? "unnamed outlet" : s.Publisher!.Trim();

    /// <summary>The marks that end a headline's first clause: a colon or a dash.</summary>
    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create(":—–");

    /// <summary>A headline cut to its first clause or first words: "Insurgents Breach Aleppo…".</summary>
    public static string ShortTitle(string title, int words = 4)
    {
        string t = OneLine(title);
        int colon = t.AsSpan().IndexOfAny(ClauseEnds);
        if (colon > 0 && t[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= words + 2) return t[..colon].TrimEnd() + "…";
        var w = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return w.Length <= words + 1 ? t : string.Join(' ', w.Take(words)).TrimEnd(',', ';', '.') + "…";
    }

    /// <summary>The publication date in words, marked when it is inferred rather than printed on the page.</summary>
    public static string? PublishedText(SourceDef s)
    {
        if (s.Published is not { } p) return null;
        string words = p.Value is { } d ? d.Describe().Replace(" (uncertain)", "", StringComparison.Ordinal) : p.Text;
        return s.PublishedIsInferred ? words + " (date inferred)" : words;
    }

    /// <summary>A source in full, for the list of sources: outlet, headline, byline, date, the agency it copies.</summary>
    public static string SourceInFull(SourceDef s, string? untitledLabel = null)
    {
        var sb = new StringBuilder(Capitalise(Outlet(s)));
        if (s.Title is { } t) sb.Append(", “").Append(Unquote(OneLine(t))).Append('”');
        else if (untitledLabel is not null) sb.Append(", ").Append(untitledLabel);
        if (s.Author is { } a) sb.Append(", by ").Append(OneLine(a));
        if (s.Via is { } v) sb.Append(", republishing ").Append(OneLine(v));
        if (PublishedText(s) is { } p) sb.Append(", ").Append(p);
        return sb.ToString();
    }

    /// <summary>
    /// Names for the cited sources that tell them apart: the publisher alone when it names one source;
    /// otherwise the outlet and its headline ("unnamed outlet, ‘Insurgents Breach Aleppo…’"); for an
    /// untitled report, the words it is first quoted by.
    /// </summary>
    public static Dictionary<string, string> SourceLabels(IReadOnlyList<SourceDef> sources, Func<SourceDef, string?> firstQuote)
    {
        var byOutlet = sources.GroupBy(s => Outlet(s), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in sources)
        {
            string outlet = Outlet(s);
            string label;
            if (!IsUnnamedOutlet(s.Publisher) && byOutlet[outlet] == 1) label = outlet;
            else if (s.Title is { } t) label = $"{outlet}, ‘{ShortTitle(t)}’";
            else if (firstQuote(s) is { } q) label = $"{outlet}, untitled report quoted as “{ShortTitle(Unquote(q), 6)}”";
            else label = $"{outlet}, untitled report";
            labels[s.Id] = label;
        }
        // Whatever is still the same twice gets a number, so that no two sources read alike.
        foreach (var group in labels.GroupBy(p => p.Value).Where(g => g.Count() > 1).ToList())
        {
            int n = 0;
            foreach (var (id, label) in group) labels[id] = $"{label} ({++n})";
        }
        return labels;
    }

    // ---------------- Actors and claims ----------------

    private static readonly HashSet<string> SingularKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "person", "state", "country", "government", "organization", "organisation", "international-organization", "ngo", "monitor",
    };

    private static readonly HashSet<string> PluralHeads = new(StringComparer.OrdinalIgnoreCase) { "media", "people", "police", "militia forces" };

    /// <summary>Whether an actor's name takes a plural verb: "Opposition fighters say", "Syrian state media say", "SOHR says".</summary>
    public static bool IsPlural(ActorDef? actor, string name)
    {
        if (actor?.ActorKind is { } k && SingularKinds.Contains(k)) return false;
        // The head noun is the last word before "of", "for", "in" ("Syrian Observatory for Human Rights").
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int end = Array.FindIndex(words, w => w is "of" or "for" or "in" or "on");
        string head = (end > 0 ? words[end - 1] : words.LastOrDefault() ?? "").Trim('.', ',', ')', '(');
        if (PluralHeads.Contains(head)) return true;
        return head.Length > 3 && head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal)
            && !head.EndsWith("us", StringComparison.Ordinal) && !head.EndsWith("is", StringComparison.Ordinal) && char.IsLower(head[^2]);
    }

    /// <summary>
    /// A claim as a reader sees it: a paraphrase as reported speech ("SOHR says dozens of fighters have been killed"),
    /// a quote in quotation marks exactly once, a claim without words as what it is ("SANA reports it").
    /// </summary>
    public static string ClaimSentence(Claim claim, ActorDef? by, string byName)
    {
        bool plural = IsPlural(by, byName);
        bool denies = claim.Stance == "denies";
        string who = Capitalise(byName);
        string says = claim.Says is { } s ? OneLine(s) : "";
        string quote = claim.Quote is { } q ? Unquote(OneLine(q)) : "";
        // A paraphrase that is wholly in quotation marks is a quote written in the wrong key: shown once, as a quote.
        if (says.Length > 0 && quote.Length == 0 && IsQuoted(says)) { quote = Unquote(says); says = ""; }
        string verb = denies ? (plural ? "deny" : "denies") : (plural ? "say" : "says");
        var sb = new StringBuilder(who);
        if (says.Length > 0)
        {
            sb.Append(' ').Append(verb);
            if (denies) sb.Append(" it:");
            else if (StartsWithVerb(says)) sb.Append(plural ? " they" : " it");
            sb.Append(' ').Append(TrimEndStop(says));
            if (quote.Length > 0) sb.Append(": “").Append(quote).Append('”');
        }
        else if (quote.Length > 0) sb.Append(' ').Append(denies ? verb + " it" : verb).Append(": “").Append(quote).Append('”');
        else sb.Append(' ').Append(denies ? verb + " it" : plural ? "report it" : "reports it");
        return sb.ToString();
    }

    /// <summary>A paraphrase that opens with a past-tense verb ("captured dozens of towns") needs a subject in reported speech.</summary>
    private static bool StartsWithVerb(string says)
    {
        string first = says.Split(' ', 2)[0];
        return first.Length > 4 && first.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(first[0]);
    }

    // ---------------- Figures ----------------

    /// <summary>A count in words: "at least 27", "dozens of", "20–30", "about 300".</summary>
    public static string CountWords(Count c)
    {
        if (c.Form == CountForm.Vague) return OneLine(c.Text).ToLowerInvariant() + " of";
        if (c.Form == CountForm.Range)
        {
            if (c.Best is { } best) return c.Low is { } l && c.High is { } h && l != h ? $"about {best} ({l}–{h})" : $"about {best}";
            return c.Low == c.High ? $"{c.Low}" : $"{c.Low}–{c.High}";
        }
        return OneLine(c.Text).Replace('-', '–');
    }

    /// <summary>A figure as a sentence: "At least 27 civilians killed, among them children as young as eight".</summary>
    public static string FigureSentence(Figure f, string? groupActorName, Func<string, string?> eventTitle)
    {
        if (f.Count is not { } count) return "";
        bool one = count.Form == CountForm.Exact && count.Best == 1;
        // Whose dead: a kind of people, or an actor's own ("20–30 injured among Rebel fighters").
        string? among = f.Group is null or "unknown" or "civilians" or "combatants" ? null : groupActorName ?? "an armed group";
        string whom = f.Group switch
        {
            "civilians" => one ? "civilian" : "civilians",
            "combatants" => one ? "combatant" : "combatants",
            null or "unknown" => one ? "person" : "people",
            _ => "",
        };
        string counted = CountWords(count);
        // A sentence does not open with a figure: "Four civilians killed".
        if (count.Form == CountForm.Exact && count.Best is >= 0 and < 10) counted = Small[(int)count.Best.Value];
        if (whom.Length == 0 && counted.EndsWith(" of", StringComparison.Ordinal)) counted = counted[..^3];
        string head = whom.Length == 0 ? $"{counted} {f.Measure ?? "counted"} among {among}" : $"{counted} {whom} {f.Measure ?? "counted"}";
        var sb = new StringBuilder(Capitalise(head));
        if (f.Includes is { } inc) sb.Append(", among them ").Append(TrimEndStop(OneLine(inc)));
        var overlaps = f.Overlaps.Select(o => eventTitle(o.Id)).Where(t => t is not null).Select(t => $"“{t}”").ToList();
        if (overlaps.Count > 0) sb.Append("; the count may include those of ").Append(JoinAnd(overlaps));
        return sb.ToString();
    }

    /// <summary>
    /// ACLED's published coding of a count: the lowest number it allows, with the vague words coded as ACLED
    /// codes them ("tens" 10, "dozens" 12, "hundreds" 100, "thousands" 1000) rather than as the checks read them.
    /// </summary>
    public static long AcledCount(Count c) => c.Form == CountForm.Vague
        ? c.Text.Trim().ToLowerInvariant() switch { "tens" => 10, "dozens" => 12, "hundreds" => 100, "thousands" => 1000, _ => c.Lowest }
        : c.Lowest;

    private static readonly string[] Small = { "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine" };

    // ---------------- Text ----------------

    /// <summary>A line closed by a full stop unless it already ends a sentence (“… of Aleppo.” stays as it is).</summary>
    public static string Sentence(string s)
    {
        string t = s.TrimEnd();
        string bare = t.TrimEnd('”', '’', '"', '\'', ')');
        return bare.Length > 0 && ".!?…".Contains(bare[^1]) ? t : t + ".";
    }

    [GeneratedRegex(@"\s*\((?:see\s+)?[\w./-]+\.(?:ya?ml|json|csv|txt|md)\)", RegexOptions.IgnoreCase)]
    private static partial Regex FileMention();

    /// <summary>The writer's prose without asides that point at the project's own files ("(see reports.sources.yaml)").</summary>
    public static string WithoutFileNames(string s) => FileMention().Replace(s, "");

    /// <summary>Text on one line: runs of whitespace (line breaks too) become one space.</summary>
    public static string OneLine(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    public static string Capitalise(string s) => s.Length == 0 || !char.IsLower(s[0]) ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static bool IsQuoted(string s) => s.Length >= 2 && "\"“‘'«„".Contains(s[0]) && "\"”’'»“".Contains(s[^1]);

    /// <summary>A quote without the quotation marks it may already carry, so that it is shown in them exactly once.</summary>
    public static string Unquote(string s)
    {
        string t = s.Trim();
        while (IsQuoted(t)) t = t[1..^1].Trim();
        return t;
    }

    private static string TrimEndStop(string s) => s.TrimEnd('.', ' ');

    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>An http(s) URL as an absolute, escaped address, or null: no other scheme is ever linked, whatever --force says.</summary>
    public static string? SafeUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        return uri.AbsoluteUri;
    }

    /// <summary>A bound of a date in the project's time zone: days as local days, times moved from UTC to the zone.</summary>
    public static DateTimeOffset? LocalBound(EdtfDate d, bool latest, TimeSpan zone)
    {
        var t = latest ? d.Latest : d.Earliest;
        if (t == DateTime.MinValue || t == DateTime.MaxValue) return null;
        var point = latest ? (d.IsInterval ? d.End : d.Start) : d.Start;
        // Day and coarser bounds are calendar days of the place; finer ones were read into UTC.
        var local = DateTime.SpecifyKind(point is { Precision: >= DatePrecision.Minute } ? t + zone : t, DateTimeKind.Unspecified);
        if (latest) local = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond)); // whole seconds: 23:59:59, not .9999999
        return new DateTimeOffset(local, zone);
    }

    public static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
