namespace Timeline.Core.Language;

/// <summary>The kinds of file a project holds, from their names.</summary>
public enum FileKind { Unknown, Timeline, Sources, Places, Actors, Config, GeoNames }

public static class FileKinds
{
    public const string ConfigFileName = "timeline.config.yaml";

    public static FileKind FromPath(string path)
    {
        string name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        if (name == ConfigFileName) return FileKind.Config;
        if (name.EndsWith(".timeline.yaml", StringComparison.Ordinal)) return FileKind.Timeline;
        if (name.EndsWith(".sources.yaml", StringComparison.Ordinal)) return FileKind.Sources;
        if (name.EndsWith(".places.yaml", StringComparison.Ordinal)) return FileKind.Places;
        if (name.EndsWith(".actors.yaml", StringComparison.Ordinal)) return FileKind.Actors;
        return FileKind.Unknown;
    }
}

/// <summary>
/// The one place that knows the keys of each kind of file: the checker validates
/// against it, the editor completes from it, and the JSON Schemas are generated from it.
/// </summary>
public static class LanguageSchema
{
    public static readonly string[] EventStatuses = { "reported", "confirmed", "claimed", "disputed", "denied", "retracted" };
    public static readonly string[] Stances = { "asserts", "denies" };
    public static readonly string[] PlacePrecisions = { "exact", "near", "area" };
    public static readonly string[] Reliabilities = { "A", "B", "C", "D", "E", "F" };
    public static readonly string[] PlaceKinds = { "country", "governorate", "district", "subdistrict", "city", "town",
        "village", "neighborhood", "site", "region", "water" };
    public static readonly string[] ActorKinds = { "state", "government", "military", "armed-group", "militia",
        "political", "international-organization", "ngo", "media", "monitor", "person", "other" };
    public static readonly string[] FigureGroups = { "civilians", "combatants", "unknown" };
    public static readonly string[] FigureCounts = { "killed", "injured", "displaced", "detained" };
    public static readonly string[] RuleSeverities = { "error", "warning", "info", "off" };

    private static ScalarShape Text(string d) => new() { Kind = ScalarKind.Text, Description = d };
    private static ScalarShape Ref(SymbolKind k, string d) => new() { Kind = ScalarKind.Reference, Refers = k, Description = d };
    private static ScalarShape Enum(string[] values, string d) => new() { Kind = ScalarKind.Enum, Values = values, Description = d };
    private static Field F(string name, Shape shape, bool required = false) => new() { Name = name, Shape = shape, Required = required };
    private static ListShape ListOf(Shape item, string d) => new() { Item = item, Description = d };

    private static readonly ScalarShape IdShape = new()
    {
        Kind = ScalarKind.Id,
        Description = "The id: lower-case letters and digits in words joined by hyphens (^[a-z0-9]+(-[a-z0-9]+)*$), at most 64 characters. " +
            "Unique for its kind in the project.",
    };

    public static readonly ObjectShape Citation = new()
    {
        Name = "citation",
        Description = "A citation with detail.",
        Fields = new[]
        {
            F("source", Ref(SymbolKind.Source, "The id of the cited source."), true),
            F("quote", Text("The words of the source that support the event, verbatim (checked against the source's snapshot, TL308).")),
            F("at", Text("Where in the source: a paragraph, a timestamp, a page.")),
            F("credibility", new ScalarShape { Kind = ScalarKind.Integer, Min = 1, Max = 6,
                Description = "Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged)." }),
        },
    };

    public static readonly ChoiceShape CitationRef = new()
    {
        Scalar = Ref(SymbolKind.Source, "A source id."),
        Object = Citation,
        Description = "A source id, or {source, quote, at, credibility}.",
    };

    public static readonly ObjectShape Source = new()
    {
        Name = "source",
        Description = "A source: the page or report you read.",
        Fields = new[]
        {
            F("id", IdShape, true),
            F("publisher", Text("The outlet whose page you read (\"North Press Agency\")."), true),
            F("published", new ScalarShape { Kind = ScalarKind.Date,
                Description = "When it was published, to the day or finer. Resolves \"on Friday\" and bounds what the source can report." }, true),
            F("title", Text("The headline.")),
            F("author", Text("The byline.")),
            F("url", new ScalarShape { Kind = ScalarKind.Url, Description = "The page's address: an absolute http(s) URL." }),
            F("archived", new ScalarShape { Kind = ScalarKind.Url, Description = "An archive copy of the page: an absolute http(s) URL." }),
            F("via", Text("The agency whose copy this republishes (\"Reuters\"). Two citations are independent when " +
                "their origins (via, else publisher) differ.")),
            F("affiliation", Ref(SymbolKind.Actor, "The actor the outlet belongs to or speaks for (state media).")),
            F("reliability", Enum(Reliabilities, "Admiralty source reliability: A completely reliable, B usually " +
                "reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged.")),
            F("language", new ScalarShape { Kind = ScalarKind.LanguageTag,
                Description = "The language of the source, as a BCP 47 tag (en, ar, tr)." }),
            F("snapshot", new ScalarShape { Kind = ScalarKind.Path, Description = "The copy of the page as it was " +
                "read, kept in the project: a .txt, .md or .html file, relative to this file " +
                "(snapshots/npa-2024-11-29.txt). Every quote citing the source is checked against it (TL308)." }),
            F("sha256", new ScalarShape { Kind = ScalarKind.Sha256,
                Description = "The SHA-256 of the snapshot file's bytes, written when it was captured (TL307 when the file no longer matches)." }),
            F("captured", new ScalarShape { Kind = ScalarKind.Date,
                Description = "When the snapshot was taken: a date and time such as 2024-11-29T14:05Z." }),
            F("notes", Text("Notes on the source.")),
        },
    };

    public static readonly ObjectShape PlaceDetail = new()
    {
        Name = "place reference",
        Description = "A place with how precisely the event is located there.",
        Fields = new[]
        {
            F("place", Ref(SymbolKind.Place, "The id of the place."), true),
            F("precision", Enum(PlacePrecisions, "exact: at the place; near: close by; area: somewhere in it.")),
        },
    };

    public static readonly ObjectShape Claim = new()
    {
        Name = "claim",
        Description = "Who says the event happened, or denies it.",
        Fields = new[]
        {
            F("by", Ref(SymbolKind.Actor, "The actor who makes the claim."), true),
            F("stance", Enum(Stances, "asserts: says it happened; denies: says it did not."), true),
            F("says", Text("What they said, in your words: reported speech, never shown in quotation marks.")),
            F("quote", Text("Their words verbatim, as the source prints them (checked against the source's snapshot, TL308).")),
            F("source", CitationRef, true),
            F("date", new ScalarShape { Kind = ScalarKind.Date, Description = "When the claim was made." }),
        },
    };

    public static readonly ObjectShape CountRange = new()
    {
        Name = "count range",
        Description = "A range of estimates.",
        Fields = new[]
        {
            F("low", new ScalarShape { Kind = ScalarKind.Integer, Min = 0, Description = "The lowest estimate." }),
            F("best", new ScalarShape { Kind = ScalarKind.Integer, Min = 0, Description = "The best estimate." }),
            F("high", new ScalarShape { Kind = ScalarKind.Integer, Min = 0, Description = "The highest estimate." }),
        },
    };

    private static ChoiceShape Count(string what) => new()
    {
        Scalar = new ScalarShape
        {
            Kind = ScalarKind.Count,
            Description = $"How many were {what}: 27, \"at least 27\", \"at most 30\", \"about 300\", \"20-30\", \"dozens\", \"hundreds\"."
        },
        Object = CountRange,
        Description = $"How many were {what}: a number, a phrase (\"at least 27\", \"dozens\"), or {{low, best, high}}.",
    };

    public static readonly ObjectShape Figure = new()
    {
        Name = "figure",
        Description = "A casualty or displacement figure, as one source reports it.",
        ExactlyOneOf = FigureCounts,
        Fields = new[]
        {
            F("killed", Count("killed")),
            F("injured", Count("injured")),
            F("displaced", Count("displaced")),
            F("detained", Count("detained")),
            F("group", new ScalarShape { Kind = ScalarKind.Group, Values = FigureGroups, Refers = SymbolKind.Actor,
                Description = "Whose dead: civilians, combatants, unknown (the default), or an actor id." }),
            F("source", CitationRef, true),
            F("includes", Text("What the figure includes (\"two students\").")),
            F("overlaps", ListOf(Ref(SymbolKind.Event, "An event id."), "Events whose figures this one may already include.")),
        },
    };

    public static readonly ObjectShape Media = new()
    {
        Name = "media",
        Description = "A picture or video of the event.",
        Fields = new[]
        {
            F("url", new ScalarShape { Kind = ScalarKind.Url, Description = "The address of the media." }, true),
            F("caption", Text("A caption.")),
            F("credit", Text("Who made it.")),
        },
    };

    public static readonly ObjectShape Event = new()
    {
        Name = "event",
        Description = "An event of the chronology.",
        Fields = new[]
        {
            F("id", IdShape, true),
            F("date", new ScalarShape { Kind = ScalarKind.Date,
                Description = "When it happened, as EDTF: 2024-11-29, 2024-11-29T06:30, 2024-11-27/2024-11-29, 2016?, 2016-12~, 2024-11-XX." }, true),
            F("title", Text("What happened, in one line."), true),
            F("summary", Text("A longer account.")),
            F("places", ListOf(new ChoiceShape { Scalar = Ref(SymbolKind.Place, "A place id."), Object = PlaceDetail,
                Description = "A place id, or {place, precision}." }, "Where it happened.")),
            F("actors", ListOf(Ref(SymbolKind.Actor, "An actor id."), "Who took part.")),
            F("sources", ListOf(CitationRef, "The citations: at least one (TL301).")),
            F("status", Enum(EventStatuses, "How established it is: reported (the default), confirmed, claimed, disputed, denied or retracted.")),
            F("claims", ListOf(Claim, "Who says it happened, and who denies it.")),
            F("casualties", ListOf(Figure, "Casualty and displacement figures.")),
            F("part-of", Ref(SymbolKind.Event, "A larger event this belongs to.")),
            F("related", ListOf(Ref(SymbolKind.Event, "An event id."), "Related events.")),
            F("tags", ListOf(Text("A tag."), "Free tags.")),
            F("media", Media),
            F("notes", Text("Notes on the event.")),
        },
    };

    public static readonly ObjectShape Place = new()
    {
        Name = "place",
        Description = "A place of the gazetteer.",
        Fields = new[]
        {
            F("id", IdShape, true),
            F("name", Text("The name the chronology uses."), true),
            F("names", ListOf(Text("A name."), "Other names: aliases, transliterations, other scripts.")),
            F("kind", Enum(PlaceKinds, "What kind of place it is.")),
            F("in", Ref(SymbolKind.Place, "The enclosing place.")),
            F("coordinates", new CoordinatesShape { Description = "[latitude, longitude], WGS 84." }),
            F("geonames", new ScalarShape { Kind = ScalarKind.Integer, Min = 1, Description = "The GeoNames id." }),
            F("pcode", Text("The OCHA P-code.")),
        },
    };

    public static readonly ObjectShape Actor = new()
    {
        Name = "actor",
        Description = "A state, armed group, organisation or person.",
        Fields = new[]
        {
            F("id", IdShape, true),
            F("name", Text("The name the chronology uses."), true),
            F("names", ListOf(Text("A name."), "Other names: abbreviations, transliterations, other scripts.")),
            F("formerly", ListOf(Text("A name."), "Former names.")),
            F("kind", Enum(ActorKinds, "What kind of actor it is.")),
            F("part-of", new OneOrListShape { Item = Ref(SymbolKind.Actor, "An actor id."),
                Description = "The actor (or actors) this one is part of." }),
            F("member-of", new OneOrListShape { Item = Ref(SymbolKind.Actor, "An actor id."),
                Description = "The actor (or actors) this one is a member of." }),
            F("backed-by", ListOf(Ref(SymbolKind.Actor, "An actor id."), "Actors that back this one.")),
            F("role", Text("A person's role.")),
        },
    };

    public static readonly ObjectShape TimelineFile = new()
    {
        Name = "timeline",
        Description = "A timeline: title, sources, events.",
        Fields = new[]
        {
            F("title", Text("The title of the timeline."), true),
            F("description", Text("What the timeline covers.")),
            F("compiled-by", Text("Who compiled the chronology (a person, a desk, a newsroom): the exports' byline names them.")),
            F("timezone", new ScalarShape { Kind = ScalarKind.Timezone,
                Description = "The UTC offset of times written without one, such as \"+03:00\"." }),
            F("sources", ListOf(Source, "The sources of this timeline.")),
            F("events", ListOf(Event, "The events, in date order."), true),
        },
    };

    public static readonly ObjectShape SourcesFile = new()
    {
        Name = "sources file",
        Description = "Sources shared by the project's timelines.",
        Fields = new[] { F("sources", ListOf(Source, "The sources."), true) },
    };

    public static readonly ObjectShape PlacesFile = new()
    {
        Name = "places file",
        Description = "A gazetteer of places.",
        Fields = new[] { F("places", ListOf(Place, "The places."), true) },
    };

    public static readonly ObjectShape ActorsFile = new()
    {
        Name = "actors file",
        Description = "Actors: states, armed groups, organisations, people.",
        Fields = new[] { F("actors", ListOf(Actor, "The actors."), true) },
    };

    public static readonly ObjectShape ConfigFile = new()
    {
        Name = "config",
        Description = "Marks the project root and holds its settings.",
        Fields = new[]
        {
            F("use", ListOf(new ScalarShape { Kind = ScalarKind.CatalogName,
                Description = "A catalog that ships with Timeline, such as builtin:levant." }, "Catalogs that ship with Timeline.")),
            F("gazetteers", ListOf(new ScalarShape { Kind = ScalarKind.Path,
                Description = "A GeoNames file, relative to the project root." }, "Extra GeoNames files, relative to the project root.")),
            F("exclude", ListOf(new ScalarShape { Kind = ScalarKind.Glob,
                Description = "A pattern such as drafts/**." }, "Files and folders to leave out.")),
            F("require-sources", new ScalarShape { Kind = ScalarKind.Boolean,
                Description = "Whether an event without a citation is an error (TL301). On by default." }),
            F("require-snapshots", new ScalarShape { Kind = ScalarKind.Boolean,
                Description = "Whether a quote with no snapshot to check it against is a warning (TL311) rather than a note. Off by default." }),
            F("rules", new MapShape
            {
                KeyDescription = "a rule code (TL206) or name (unused-source)",
                Value = Enum(RuleSeverities, "error, warning, info or off."),
                Description = "Rule severities by code or name: error, warning, info or off.",
            }),
        },
    };

    public static ObjectShape? RootOf(FileKind kind) => kind switch
    {
        FileKind.Timeline => TimelineFile,
        FileKind.Sources => SourcesFile,
        FileKind.Places => PlacesFile,
        FileKind.Actors => ActorsFile,
        FileKind.Config => ConfigFile,
        _ => null,
    };

    /// <summary>
    /// The keys whose values are free text wherever the language has them (a title, a quote, notes): what a check need
    /// not keep in memory (<see cref="Syntax.YamlReader.Read(Text.SourceText, Syntax.ReaderLimits?, IReadOnlySet{string}?)"/>).
    /// </summary>
    public static IReadOnlySet<string> FreeTextKeys { get; } = FindFreeTextKeys();

    private static HashSet<string> FindFreeTextKeys()
    {
        var text = new HashSet<string>(StringComparer.Ordinal);
        var other = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Shape>();
        void Visit(Shape shape)
        {
            if (!seen.Add(shape)) return;
            switch (shape)
            {
                case ObjectShape o:
                    foreach (var f in o.Fields)
                    {
                        (f.Shape is ScalarShape { Kind: ScalarKind.Text } ? text : other).Add(f.Name);
                        Visit(f.Shape);
                    }
                    break;
                case ListShape l: Visit(l.Item); break;
                case ChoiceShape c: Visit(c.Object); break;
                case OneOrListShape one: Visit(one.Item); break;
            }
        }
        foreach (var root in new[] { TimelineFile, SourcesFile, PlacesFile, ActorsFile, ConfigFile }) Visit(root);
        text.ExceptWith(other);
        return text;
    }

    /// <summary>Keys beginning with x- are the writer's own.</summary>
    public static bool IsExtensionKey(string key) => key.StartsWith("x-", StringComparison.Ordinal);
}
