using Timeline.Core.Catalogs;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Services;

namespace Timeline.Core.Checks;

/// <summary>
/// What TL201–TL204 share: an id that no definition of its kind answers, stated with the
/// closest ids by id, name, alias and transliteration.
/// </summary>
public abstract class UnknownReferenceRule : ReferenceRule
{
    public override string Why =>
        $"An unknown {Word} id is usually a typing slip or a {Word} not yet defined; " +
        "the exports and the map cannot show what the id does not name.";

    public override string HowToFix =>
        $"Apply a did-you-mean, or define the {Word}" +
        (Kind == SymbolKind.Event ? "." : " (the quick fix creates a stub in the right file).");

    private string Word => Kind.Word();

    public override void Check(ReferenceCheck check)
    {
        var r = check.Reference;
        var symbols = check.Symbols;
        if (Kind == SymbolKind.Source && SourceLinks.HttpUrl(r.Id) is { } url)
        {
            ReportLink(check, url);
            return;
        }
        var matches = symbols.Index(r.Kind).Search(r.Id, 3);
        if (Kind == SymbolKind.Place && matches.Count == 0 && AreaOf(check) is { } area)
        {
            ReportArea(check, area);
            return;
        }
        string hint = matches.Count == 0 ? "" : "; did you mean " + string.Join(" or ", matches.Select(m =>
            m.MatchedName == m.Id || m.MatchedName == m.Item.DisplayName
                ? $"'{m.Id}' ({m.Item.DisplayName})"
                : $"'{m.Id}' ({m.Item.DisplayName}, also '{m.MatchedName}')")) + "?";
        // Where ids of this kind come from, named: the project's files and the catalogs its config uses.
        var catalogs = symbols.CatalogsOf(r.Kind);
        string defined = catalogs.Count > 0
            ? $" in the project or in the catalog{(catalogs.Count > 1 ? "s" : "")} it uses ({string.Join(", ", catalogs)})"
            : symbols.Count(r.Kind) == 0 ? $" in the project (it defines no {Word}s yet)" : " in the project";
        // A catalog number says nothing by itself: its name goes with it ("Change to 'geonames:164816' (Sarāqib)").
        // The id is replaced inside its quotes, if the writer quoted it.
        var inner = SyntaxQueries.InnerSpan(check.File.Source, r.Span);
        var fixes = matches.Select((m, i) => Fix.Replace(
            m.Id.Contains(':') ? $"Change to '{m.Id}' ({m.Item.DisplayName})" : $"Change to '{m.Id}'", inner, m.Id, i == 0)).ToList();
        check.Report(Descriptor, r.Span, $"unknown {Word} '{r.Id}'; expected {What(check)} defined{defined}{hint}",
            fixes, matches.Select(m => m.Id).ToList());
    }

    /// <summary>A link pasted where a source id belongs: the source that has it, or the fix that makes one from it.</summary>
    private void ReportLink(ReferenceCheck check, Uri url)
    {
        var r = check.Reference;
        var inner = SyntaxQueries.InnerSpan(check.File.Source, r.Span);
        if (SourceLinks.Defined(url, check.Symbols) is { } known)
        {
            check.Report(Descriptor, r.Span, $"'{r.Id}' is a link, not a source id; the project's source '{known.Id}' has this url: " +
                $"cite it by its id", new[] { Fix.Replace($"Change to '{known.Id}' (the source with this URL)", inner, known.Id, true) },
                new[] { known.Id });
            return;
        }
        check.Report(Descriptor, r.Span, $"'{r.Id}' is a link, not a source id; sources: takes the id of a source defined in " +
            "the project: create a source from this link (a quick fix) and cite it by its id");
    }

    /// <summary>
    /// A phrase of an area around a place ("Aleppo countryside", "northern Hama"): the place it is around, best an
    /// area itself (a governorate, a region, a district), when the phrase is no place's name.
    /// </summary>
    private static Model.PlaceDef? AreaOf(ReferenceCheck check)
    {
        if (Names.NameNormalizer.PlaceOfArea(check.Reference.Id) is not { } core) return null;
        var index = check.Symbols.Index(SymbolKind.Place);
        static bool IsArea(Definition d) => d is Model.PlaceDef { PlaceKind: "governorate" or "region" or "district" or "subdistrict" };
        var found = index.Search(core, 5, preferred: IsArea);
        return (found.FirstOrDefault(m => IsArea(m.Item)) ?? (found.Count > 0 ? found[0] : null))?.Item as Model.PlaceDef;
    }

    /// <summary>An area phrase: the place it is around, offered as an area ({place: id, precision: area}) in an event's places.</summary>
    private void ReportArea(ReferenceCheck check, Model.PlaceDef place)
    {
        var r = check.Reference;
        bool inEventPlaces = check.Events.Any(e => e.Places.Any(u => ReferenceEquals(u.Place, r) && u.Precision is null))
            && check.File.Source[r.Span.Start] is not '{';
        // A plain item of an event's places becomes a place with its precision; elsewhere only the id can stand.
        bool alone = inEventPlaces && IsListItem(check, r);
        string replacement = alone ? $"{{place: {place.Id}, precision: area}}" : place.Id;
        var span = alone ? r.Span : SyntaxQueries.InnerSpan(check.File.Source, r.Span);
        string what = alone ? ", as an area" : "";
        check.Report(Descriptor, r.Span, $"unknown place '{r.Id}': no place has this name; did you mean '{place.Id}' " +
            $"({place.DisplayName}){what}? A phrase of an area around a place is written as the place with precision: area",
            new[] { Fix.Replace($"Change to '{place.Id}' ({place.DisplayName}){what}", span, replacement, true) }, new[] { place.Id });
    }

    /// <summary>Whether the reference is an item of a list itself (not the value of a key inside an item).</summary>
    private static bool IsListItem(ReferenceCheck check, Reference r)
    {
        var src = check.File.Source;
        int i = r.Span.Start - 1;
        while (i >= 0 && src[i] is ' ' or '\t') i--;
        return i >= 0 && src[i] is '[' or ',' or '-';
    }

    /// <summary>The command that captures a page into a source's snapshot, run by the editor after a fix's edits.</summary>
    public const string CaptureCommand = "timeline.captureSource";

    /// <summary>What the reference should have been, for the message.</summary>
    protected virtual string What(ReferenceCheck check) => $"{ScalarShape.Article(Kind)} id";

    public override IEnumerable<FixAction> FixesOnRequest(Diagnostic diagnostic, FixRequest request)
    {
        if (Kind == SymbolKind.Event) yield break;
        if (Kind == SymbolKind.Source && request.File.Source.Substring(diagnostic.Span.Start, diagnostic.Span.Length).Trim('"', '\'') is var link
            && SourceLinks.HttpUrl(link) is { } url)
        {
            if (SourceLinks.Defined(url, request.Project.Symbols) is not null) yield break;
            if (CodeActions.CreateSourceFromUrl(request.File, request.Project, diagnostic) is not { } made) yield break;
            var edits = made.Action.Edits.Select(e => (e.Path, e.Edits)).ToList();
            yield return new FixAction(made.Action.Title, edits, IsPreferred: true, CreateFile: made.Action.CreateFile)
            { Select = made.Action.Select };
            // Once the edits are made, the editor runs the capture, which adds the snapshot to the new source.
            yield return new FixAction("Create a source from this URL and capture it", edits, CreateFile: made.Action.CreateFile)
            {
                Command = new FixCommand("Capture the page", CaptureCommand, made.Path,
                    new Dictionary<string, string> { ["id"] = made.Id, ["url"] = url.AbsoluteUri }),
                Select = made.Action.Select,
            };
            yield break;
        }
        if (CodeActions.CreateStub(request.File, request.Project, diagnostic, Kind) is { } stub)
            yield return new FixAction(stub.Title, stub.Edits.Select(e => (e.Path, e.Edits)).ToList(), CreateFile: stub.CreateFile)
            { Select = stub.Select };
    }
}
