using Timeline.Core.Language;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

/// <summary>What stands at an offset of a tree: the node, its key, and the shape the language expects there.</summary>
public sealed record NodeContext(YamlNode Node, YamlEntry? Entry, bool IsKey, Shape? Shape, ObjectShape? Owner);

public static class SyntaxQueries
{
    /// <summary>The innermost scalar (or alias) at an offset, with the shape the language gives it.</summary>
    public static NodeContext? At(YamlDocument doc, FileKind kind, int offset)
    {
        if (doc.Root is null || LanguageSchema.RootOf(kind) is not { } rootShape) return null;
        return Descend(doc.Root, rootShape, null, offset);
    }

    private static NodeContext? Descend(YamlNode node, Shape? shape, ObjectShape? owner, int offset)
    {
        switch (node)
        {
            case MappingNode m:
                {
                    var obj = ObjectOf(shape);
                    foreach (var e in m.Entries)
                    {
                        if (e.KeySpan.Touches(offset) && e.Key is ScalarNode)
                            return new NodeContext(e.Key, e, true, obj?[e.KeyText ?? ""]?.Shape, obj);
                        var fieldShape = shape is MapShape map ? map.Value : obj?[e.KeyText ?? ""]?.Shape;
                        if (e.Value.Span.Touches(offset) && !(e.Value is ScalarNode { IsEmpty: true }))
                            return Descend(e.Value, fieldShape, obj, offset) is { } inner ? inner with { Entry = inner.Entry ?? e } : null;
                    }
                    return null;
                }
            case SequenceNode s:
                {
                    var item = shape switch { ListShape l => l.Item, OneOrListShape o => o.Item, _ => null };
                    foreach (var i in s.Items)
                        if (i.Span.Touches(offset)) return Descend(i, item, owner, offset);
                    return null;
                }
            case ScalarNode or AliasNode:
                return node.Span.Touches(offset) ? new NodeContext(node, null, false, ScalarOf(shape), owner) : null;
        }
        return null;
    }

    /// <summary>The object shape of a mapping under a shape (a choice's mapping side).</summary>
    public static ObjectShape? ObjectOf(Shape? shape) => shape switch
    {
        ObjectShape o => o,
        ChoiceShape c => c.Object,
        _ => null,
    };

    public static Shape? ScalarOf(Shape? shape) => shape switch
    {
        ChoiceShape c => c.Scalar,
        OneOrListShape o => o.Item,
        ListShape { Item: ScalarShape s } => s,
        _ => shape,
    };

    /// <summary>Where a scalar's text stands without its quotes.</summary>
    public static TextSpan InnerSpan(SourceText text, TextSpan span) =>
        span.Length >= 2 && text[span.Start] is '"' or '\'' && text[span.End - 1] == text[span.Start]
            ? new TextSpan(span.Start + 1, span.End - 1) : span;
}
