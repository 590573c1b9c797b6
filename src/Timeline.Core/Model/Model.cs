using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Model;

/// <summary>A use of an id: where it is written and what kind of thing it names.</summary>
public sealed class Reference
{
    public Reference(SymbolKind kind, ScalarNode node, string path)
    {
        Kind = kind;
        Node = node;
        Path = path;
    }
    public SymbolKind Kind { get; }
    /// <summary>The id as written: its scalar's value (not kept twice: a project of 100,000 events has 440,000 references).</summary>
    public string Id => Node.Value;
    public string Path { get; }
    /// <summary>The scalar that holds the id (its span moves with its segment).</summary>
    public ScalarNode Node { get; }
    /// <summary>Where the id is written: its scalar's span, which moves with the scalar's segment.</summary>
    public TextSpan Span => Node.Span;
}

/// <summary>A date as written, with what the reader made of it.</summary>
public sealed record DateValue(ScalarNode Node, DateReading Reading)
{
    public EdtfDate? Value => Reading.Value;
    public string Text => Node.Value;
}

/// <summary>Something with an id, defined in a file.</summary>
public abstract class Definition
{
    private TextSpan _idSpan, _span;
    private SegmentAnchor _anchor = SegmentAnchor.Zero;

    public required string Id { get; init; }
    public required TextSpan IdSpan { get => Shift(_idSpan); init => _idSpan = value; }
    /// <summary>The whole definition (its mapping).</summary>
    public required TextSpan Span { get => Shift(_span); init => _span = value; }
    public required string Path { get; init; }
    /// <summary>Whether the definition comes from a catalog (a gazetteer or a built-in) rather than the project's own files.</summary>
    public bool FromCatalog { get; internal set; }

    private TextSpan Shift(TextSpan s) => new(s.Start + _anchor.Start, s.End + _anchor.Start);

    /// <summary>Ties the definition to its segment: its spans, given absolute, become relative to the anchor.</summary>
    internal void Attach(SegmentAnchor anchor)
    {
        var id = IdSpan;
        var span = Span;
        _anchor = anchor;
        _idSpan = new TextSpan(id.Start - anchor.Start, id.End - anchor.Start);
        _span = new TextSpan(span.Start - anchor.Start, span.End - anchor.Start);
    }
    public abstract SymbolKind Kind { get; }
    /// <summary>The name shown to people: a place's or actor's name, an event's title, a source's publisher.</summary>
    public abstract string DisplayName { get; }
}

public sealed class Citation
{
    public required Reference Source { get; init; }
    /// <summary>The source's words, verbatim: checked against its snapshot.</summary>
    public string? Quote => QuoteNode?.Value;
    /// <summary>The scalar that holds the quote (for ranges and fixes).</summary>
    public ScalarNode? QuoteNode { get; init; }
    public string? At { get; init; }
    public int? Credibility { get; init; }
}

public sealed class SourceDef : Definition
{
    public override SymbolKind Kind => SymbolKind.Source;
    public override string DisplayName => Publisher ?? Id;
    public string? Publisher { get; init; }
    public DateValue? Published { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    public string? Url { get; init; }
    public ScalarNode? UrlNode { get; init; }
    public string? Archived { get; init; }
    public string? Via { get; init; }
    public Reference? Affiliation { get; init; }
    public string? Reliability { get; init; }
    public string? Language { get; init; }
    public string? Notes { get; init; }
    /// <summary>The snapshot's path as written: relative to the file that defines the source.</summary>
    public string? Snapshot => SnapshotNode?.Value;
    public ScalarNode? SnapshotNode { get; init; }
    /// <summary>The SHA-256 recorded for the snapshot, as written.</summary>
    public string? Sha256 => Sha256Node?.Value;
    public ScalarNode? Sha256Node { get; init; }
    public DateValue? Captured { get; init; }

    /// <summary>Whether the publication date is inferred by the writer (EDTF's uncertainty mark: 2024-11-29?).</summary>
    public bool PublishedIsInferred => Published?.Value is { } d && d.Qualifiers.HasFlag(DateQualifiers.Uncertain);

    /// <summary>The published date as a day, when it is one.</summary>
    public DateOnly? PublishedDay => Published?.Value is { IsDayPrecisionOrFiner: true } d && d.Start!.Year is >= 1 and <= 9999
        ? new DateOnly((int)d.Start.Year, d.Start.Month!.Value, d.Start.Day!.Value) : null;

    /// <summary>
    /// A name as origins compare it: without case, punctuation or a leading "the". What a source's origin is
    /// (via, publisher, shared text) is the project's evidence's to say (ProjectEvidence.OriginOf).
    /// </summary>
    public static string OriginKey(string s)
    {
        var letters = new System.Text.StringBuilder();
        foreach (char c in s.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) letters.Append(c);
            else if (char.IsWhiteSpace(c) && letters.Length > 0 && letters[^1] != ' ') letters.Append(' ');
        }
        string r = letters.ToString().Trim();
        if (r.StartsWith("the ", StringComparison.Ordinal)) r = r[4..];
        return r.Replace(" ", "");
    }
}

public sealed class PlaceUse
{
    public required Reference Place { get; init; }
    public string? Precision { get; init; }
}

public sealed class Claim
{
    public required MappingNode Node { get; init; }
    public TextSpan Span => Node.Span;
    public Reference? By { get; init; }
    public string? Stance { get; init; }
    /// <summary>What the actor said, in the writer's words: reported speech, never shown in quotation marks.</summary>
    public string? Says { get; init; }
    /// <summary>The actor's words verbatim, as the source prints them: checked against its snapshot.</summary>
    public string? Quote => QuoteNode?.Value;
    public ScalarNode? QuoteNode { get; init; }
    public Citation? Source { get; init; }
    public DateValue? Date { get; init; }
}

public enum CountForm { Exact, AtLeast, AtMost, About, Range, Vague }

/// <summary>A count: its form and bounds ("at least 27" is 27..∞; "dozens" is at least 24).</summary>
public sealed record Count(CountForm Form, long? Low, long? High, long? Best, string Text)
{
    /// <summary>The lowest number the count allows, for exports that take the lowest figure.</summary>
    public long Lowest => Low ?? Best ?? 0;
}

public sealed class Figure
{
    public required MappingNode Node { get; init; }
    public TextSpan Span => Node.Span;
    public string? Measure { get; init; }      // killed, injured, displaced, detained
    public Count? Count { get; init; }
    public string? Group { get; init; }
    public Reference? GroupActor { get; init; }
    public Citation? Source { get; init; }
    public string? Includes { get; init; }
    public IReadOnlyList<Reference> Overlaps { get; init; } = Array.Empty<Reference>();
}

public sealed class EventDef : Definition
{
    public override SymbolKind Kind => SymbolKind.Event;
    public override string DisplayName => Title ?? Id;
    public DateValue? Date { get; init; }

    // The title, or the scalar that holds it: read from it when asked, as a check that reads a project once leaves
    // long titles in the file's text (see ScalarNode.Value).
    private readonly object? _title;

    public string? Title { get => _title as string ?? (_title as ScalarNode)?.Value; init => _title = value; }

    /// <summary>The title's scalar (not null, nor written as nothing), whose value is the title.</summary>
    internal ScalarNode? TitleNode { init => _title = value; }

    // What only an export or a rule reads is read from the event's mapping when asked, not kept beside it (100,000 events).
    public string? Summary => TextOf(Node, "summary");
    // An event's lists are made once, when it is read, and kept with its segment: arrays of their exact size, and
    // the shared empty array for those most events leave empty (a project of 100,000 events kept 700,000 lists).
    public IReadOnlyList<PlaceUse> Places { get; init; } = Array.Empty<PlaceUse>();
    public IReadOnlyList<Reference> Actors { get; init; } = Array.Empty<Reference>();
    public IReadOnlyList<Citation> Citations { get; init; } = Array.Empty<Citation>();
    /// <summary>The sources key, when written (for ranges).</summary>
    public YamlEntry? SourcesEntry => Node?.Find("sources");
    public string Status { get; init; } = "reported";
    public ScalarNode? StatusNode { get; init; }
    public IReadOnlyList<Claim> Claims { get; init; } = Array.Empty<Claim>();
    public IReadOnlyList<Figure> Casualties { get; init; } = Array.Empty<Figure>();
    public Reference? PartOf { get; init; }
    public IReadOnlyList<Reference> Related { get; init; } = Array.Empty<Reference>();
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();
    public string? MediaUrl => TextOf(Node?["media"] as MappingNode, "url");
    public string? MediaCaption => TextOf(Node?["media"] as MappingNode, "caption");
    public string? MediaCredit => TextOf(Node?["media"] as MappingNode, "credit");
    public string? Notes => TextOf(Node, "notes");
    public MappingNode? Node { get; init; }

    private static string? TextOf(MappingNode? m, string key) => m?[key] is ScalarNode { IsNull: false } s ? s.Value : null;

    /// <summary>Every citation of the event: its sources, its claims' and its figures'.</summary>
    public EventCitations AllCitations() => new(this);
}

/// <summary>
/// Every citation of an event, in order: its sources, its claims' and its figures'. Walked with no object
/// made, as the rules do for every event on every check.
/// </summary>
public readonly struct EventCitations(EventDef ev) : IEnumerable<Citation>
{
    public Enumerator GetEnumerator() => new(ev);
    IEnumerator<Citation> IEnumerable<Citation>.GetEnumerator() => GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(EventDef ev) : IEnumerator<Citation>
    {
        // 0: the event's sources, 1: its claims', 2: its figures'; then done.
        private int _part, _at = -1;
        public Citation Current { get; private set; } = null!;
        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            for (; _part <= 2; _part++, _at = -1)
            {
                switch (_part)
                {
                    case 0:
                        if (++_at < ev.Citations.Count) { Current = ev.Citations[_at]; return true; }
                        break;
                    case 1:
                        while (++_at < ev.Claims.Count)
                            if (ev.Claims[_at].Source is { } s) { Current = s; return true; }
                        break;
                    default:
                        while (++_at < ev.Casualties.Count)
                            if (ev.Casualties[_at].Source is { } s) { Current = s; return true; }
                        break;
                }
            }
            return false;
        }

        public void Reset() { _part = 0; _at = -1; }
        public readonly void Dispose() { }
    }
}

public sealed class PlaceDef : Definition
{
    public override SymbolKind Kind => SymbolKind.Place;
    public override string DisplayName => Name ?? Id;
    public string? Name { get; init; }
    public List<string> Names { get; init; } = new();
    public string? PlaceKind { get; init; }
    public Reference? In { get; init; }
    /// <summary>For catalog places: the id of the enclosing place, resolved without a span.</summary>
    public string? InId { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public long? GeonamesId { get; init; }
    /// <summary>
    /// The id was made from the name and country of a built-in GeoNames place ("aleppo-sy"), its
    /// <c>geonames:</c> id an alias: a project that defines the same id keeps it for its own place.
    /// </summary>
    public bool IdIsReadable { get; init; }
    public string? Pcode { get; init; }
    public long Population { get; init; }
}

public sealed class ActorDef : Definition
{
    public override SymbolKind Kind => SymbolKind.Actor;
    public override string DisplayName => Name ?? Id;
    public string? Name { get; init; }
    public List<string> Names { get; init; } = new();
    public List<string> Formerly { get; init; } = new();
    public string? ActorKind { get; init; }
    public List<Reference> PartOf { get; } = new();
    public List<Reference> MemberOf { get; } = new();
    public List<Reference> BackedBy { get; } = new();
    public string? Role { get; init; }
}

/// <summary>The settings of timeline.config.yaml.</summary>
public sealed class ProjectConfig
{
    public List<(string Name, TextSpan Span)> Use { get; } = new();
    public List<(string Path, TextSpan Span)> Gazetteers { get; } = new();
    public List<string> Exclude { get; } = new();
    public bool RequireSources { get; set; } = true;
    /// <summary>Whether a quote with no snapshot to check it is a warning (TL311) rather than a note.</summary>
    public bool RequireSnapshots { get; set; }
    /// <summary>Rule code → severity (null = off).</summary>
    public Dictionary<string, Checks.Severity?> RuleSeverities { get; } = new(StringComparer.Ordinal);
    public static readonly ProjectConfig Default = new();
}
