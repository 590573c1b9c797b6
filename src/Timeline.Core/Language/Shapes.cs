namespace Timeline.Core.Language;

/// <summary>What an id refers to.</summary>
public enum SymbolKind { Place, Actor, Source, Event }

public static class SymbolKinds
{
    /// <summary>The kind as a word in a message: "place", "actor", "source", "event".</summary>
    public static string Word(this SymbolKind kind) => kind switch
    {
        SymbolKind.Place => "place",
        SymbolKind.Actor => "actor",
        SymbolKind.Source => "source",
        _ => "event",
    };
}

public enum ScalarKind
{
    Text, Id, Date, Url, Enum, Reference, Integer, Number, Boolean, Timezone, LanguageTag, Count,
    /// <summary>A figure's group: one of a few words, or an actor id.</summary>
    Group,
    Path, Glob, CatalogName,
    /// <summary>A SHA-256 digest: 64 hexadecimal digits.</summary>
    Sha256,
}

/// <summary>The shape a value must have. The one description of the language's keys.</summary>
public abstract class Shape
{
    public string Description { get; init; } = "";
    /// <summary>A short name for messages: "text", "a list", "a date".</summary>
    public abstract string Expected { get; }
}

public sealed class ScalarShape : Shape
{
    public required ScalarKind Kind { get; init; }
    public IReadOnlyList<string> Values { get; init; } = Array.Empty<string>();
    public SymbolKind? Refers { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }

    public override string Expected => Kind switch
    {
        ScalarKind.Text => "text",
        ScalarKind.Id => "an id",
        ScalarKind.Date => "a date",
        ScalarKind.Url => "a URL",
        ScalarKind.Enum => "one of " + string.Join(", ", Values),
        ScalarKind.Reference => $"{Article(Refers!.Value)} id",
        ScalarKind.Integer => "a whole number",
        ScalarKind.Number => "a number",
        ScalarKind.Boolean => "true or false",
        ScalarKind.Timezone => "a UTC offset such as \"+03:00\"",
        ScalarKind.LanguageTag => "a BCP 47 language tag",
        ScalarKind.Count => "a count",
        ScalarKind.Group => "civilians, combatants, unknown or an actor id",
        ScalarKind.Path => "a file path",
        ScalarKind.Glob => "a file pattern",
        ScalarKind.CatalogName => "a catalog name",
        ScalarKind.Sha256 => "a SHA-256 digest (64 hexadecimal digits)",
        _ => "a value",
    };

    internal static string Article(SymbolKind k) => k switch
    {
        SymbolKind.Actor => "an actor",
        SymbolKind.Event => "an event",
        _ => "a " + k.Word(),
    };
}

public sealed class ListShape : Shape
{
    public required Shape Item { get; init; }
    public override string Expected => "a list";
}

public sealed class Field
{
    public required string Name { get; init; }
    public required Shape Shape { get; init; }
    public bool Required { get; init; }
    public string Description => Shape.Description;
}

public sealed class ObjectShape : Shape
{
    private Dictionary<string, Field>? _byName;
    public required string Name { get; init; }
    public required IReadOnlyList<Field> Fields { get; init; }
    /// <summary>Keys of which exactly one must be present (a figure's killed/injured/...).</summary>
    public IReadOnlyList<string> ExactlyOneOf { get; init; } = Array.Empty<string>();
    public override string Expected => "keys with values (key: value)";

    public Field? this[string name] => (_byName ??= Fields.ToDictionary(f => f.Name, StringComparer.Ordinal)).GetValueOrDefault(name);
}

/// <summary>Either a scalar (an id) or a mapping with more detail.</summary>
public sealed class ChoiceShape : Shape
{
    public required ScalarShape Scalar { get; init; }
    public required ObjectShape Object { get; init; }
    public override string Expected => $"{Scalar.Expected} or keys with values (key: value)";
}

/// <summary>One scalar or a list of them.</summary>
public sealed class OneOrListShape : Shape
{
    public required ScalarShape Item { get; init; }
    public override string Expected => $"{Item.Expected} or a list of them";
}

/// <summary>A mapping whose keys are free (rule codes) and whose values share a shape.</summary>
public sealed class MapShape : Shape
{
    public required ScalarShape Value { get; init; }
    public required string KeyDescription { get; init; }
    public override string Expected => "keys with values (key: value)";
}

/// <summary>[latitude, longitude].</summary>
public sealed class CoordinatesShape : Shape
{
    public const double MaxLatitude = 90, MaxLongitude = 180;

    public override string Expected => "[latitude, longitude]";

    public static bool IsLatitude(double value) => value is >= -MaxLatitude and <= MaxLatitude;
    public static bool IsLongitude(double value) => value is >= -MaxLongitude and <= MaxLongitude;
}
