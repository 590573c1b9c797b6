using System.Globalization;
using System.Text;
using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;

namespace Timeline.Core.Services;

/// <summary>Markdown cards for hover and completion: a place, an actor, a source, an event, a date, a count.</summary>
public static class Cards
{
    private static string Esc(string s) => s.Replace("*", "\\*").Replace("_", "\\_").Replace("`", "\\`");

    public static string Place(SymbolTable symbols, PlaceDef p)
    {
        var sb = new StringBuilder($"**{Esc(p.DisplayName)}**");
        if (p.PlaceKind is not null) sb.Append(CultureInfo.InvariantCulture, $" · {p.PlaceKind}");
        sb.Append(CultureInfo.InvariantCulture, $"  \n`{symbols.ReferenceId(p)}`");
        var chain = symbols.Chain(p);
        if (chain.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"\n\nIn {string.Join(" › ", chain.Select(c => Esc(c.DisplayName)))}");
        if (p.Names.Count > 0) sb.Append(CultureInfo.InvariantCulture,
            $"\n\nAlso: {string.Join(", ", p.Names.Take(12).Select(Esc))}{(p.Names.Count > 12 ? ", …" : "")}");
        if (p.Latitude is { } lat && p.Longitude is { } lon) sb.Append(CultureInfo.InvariantCulture,
            $"\n\nCoordinates: {lat:0.#####}, {lon:0.#####}");
        if (p.GeonamesId is { } g) sb.Append(CultureInfo.InvariantCulture, $"  \nGeoNames: {g}");
        if (p.Pcode is { } pc) sb.Append(CultureInfo.InvariantCulture, $"  \nP-code: {pc}");
        if (p.Population > 0) sb.Append(CultureInfo.InvariantCulture, $"  \nPopulation: {p.Population:N0}");
        return sb.ToString();
    }

    public static string Actor(SymbolTable symbols, ActorDef a)
    {
        var sb = new StringBuilder($"**{Esc(a.DisplayName)}**");
        if (a.ActorKind is not null) sb.Append(CultureInfo.InvariantCulture, $" · {a.ActorKind}");
        sb.Append(CultureInfo.InvariantCulture, $"  \n`{a.Id}`");
        if (a.Role is not null) sb.Append(CultureInfo.InvariantCulture, $"\n\nRole: {Esc(a.Role)}");
        if (a.Names.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"\n\nAlso: {string.Join(", ", a.Names.Select(Esc))}");
        if (a.Formerly.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"\n\nFormerly: {string.Join(", ", a.Formerly.Select(Esc))}");
        string Names(IEnumerable<Reference> refs) =>
            string.Join(", ", refs.Select(r => symbols.Find(SymbolKind.Actor, r.Id)?.DisplayName ?? r.Id).Select(Esc));
        if (a.PartOf.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"\n\nPart of: {Names(a.PartOf)}");
        if (a.MemberOf.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"\n\nMember of: {Names(a.MemberOf)}");
        if (a.BackedBy.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"\n\nBacked by: {Names(a.BackedBy)}");
        return sb.ToString();
    }

    public static string Source(SourceDef s)
    {
        var sb = new StringBuilder($"**{Esc(s.DisplayName)}**");
        if (s.Published?.Value is { } d) sb.Append(CultureInfo.InvariantCulture, $", {d.Describe()}");
        sb.Append(CultureInfo.InvariantCulture, $"  \n`{s.Id}`");
        if (s.Title is not null) sb.Append(CultureInfo.InvariantCulture, $"\n\n*{Esc(s.Title)}*");
        if (s.Author is not null) sb.Append(CultureInfo.InvariantCulture, $"\n\nBy {Esc(s.Author)}");
        if (s.Via is not null) sb.Append(CultureInfo.InvariantCulture, $"\n\nRepublishes {Esc(s.Via)}'s copy");
        if (s.Affiliation is not null) sb.Append(CultureInfo.InvariantCulture, $"\n\nSpeaks for `{s.Affiliation.Id}`");
        if (s.Reliability is not null) sb.Append(CultureInfo.InvariantCulture, $"\n\nReliability: {s.Reliability}");
        if (s.Url is not null) sb.Append(CultureInfo.InvariantCulture, $"\n\n{s.Url}");
        return sb.ToString();
    }

    public static string Event(SymbolTable symbols, EventDef e)
    {
        var sb = new StringBuilder($"**{Esc(e.DisplayName)}**  \n`{e.Id}`");
        if (e.Date?.Value is { } d) sb.Append(CultureInfo.InvariantCulture, $"\n\n{d.Describe()}");
        else if (e.Date is not null) sb.Append(CultureInfo.InvariantCulture, $"\n\n{Esc(e.Date.Text)}");
        if (e.Status != "reported") sb.Append(CultureInfo.InvariantCulture, $" · **{e.Status}**");
        string NameOf(SymbolKind kind, string id) => Esc(symbols.Find(kind, id)?.DisplayName ?? id);
        if (e.Places.Count > 0)
            sb.Append(CultureInfo.InvariantCulture, $"\n\nWhere: {string.Join(", ", e.Places.Select(p => NameOf(SymbolKind.Place, p.Place.Id)))}");
        if (e.Citations.Count > 0)
        {
            var names = e.Citations.Select(c => NameOf(SymbolKind.Source, c.Source.Id));
            sb.Append(CultureInfo.InvariantCulture, $"\n\nSources: {string.Join(", ", names)}");
        }
        return sb.ToString();
    }

    public static string Date(EdtfDate d)
    {
        var sb = new StringBuilder($"**{d.Describe()}**");
        sb.Append(CultureInfo.InvariantCulture, $"\n\nEarliest: {DateWords.Bound(d.Earliest)}  \nLatest: {DateWords.Bound(d.Latest)}");
        sb.Append(CultureInfo.InvariantCulture, $"  \nPrecision: {d.Precision.ToString().ToLowerInvariant()}");
        var q = new List<string>();
        if (d.Qualifiers.HasFlag(DateQualifiers.Uncertain)) q.Add("uncertain");
        if (d.Qualifiers.HasFlag(DateQualifiers.Approximate)) q.Add("approximate");
        if (q.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"  \nQualifiers: {string.Join(", ", q)}");
        return sb.ToString();
    }

    public static string Count(Count c) => $"**{Esc(c.Text)}**: {Counts.Explain(c)}";

    public static string Field(Field f, ObjectShape owner) =>
        $"**{f.Name}**{(f.Required ? " (required)" : "")} — {owner.Name}\n\n{f.Description}\n\nExpects {f.Shape.Expected}.";
}
