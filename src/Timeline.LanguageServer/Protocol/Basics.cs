using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.LanguageServer.Protocol;

// The structures of LSP 3.17 that parameters and results share. Names follow the specification;
// the serialiser writes them in camelCase and leaves out what is null (see LspJson).

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

/// <summary>A document and the version an edit was computed on; null when the document is not open (LSP writes the null).</summary>
public sealed record OptionalVersionedTextDocumentIdentifier(
    string Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version);

public sealed record TextEdit(Range Range, string NewText);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

/// <summary>A command shown as a lens or an action; its identifier is written as LSP's <c>command</c>.</summary>
public sealed record Command(string Title, [property: JsonPropertyName("command")] string Id, JsonElement[]? Arguments = null);

/// <summary>Requests about one document carry it: the server finds the document through this.</summary>
public interface ITextDocumentParams
{
    TextDocumentIdentifier TextDocument { get; }
}

/// <summary>LSP's DiagnosticSeverity.</summary>
public enum DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

/// <summary>LSP's DiagnosticTag.</summary>
public enum DiagnosticTag { Unnecessary = 1, Deprecated = 2 }

/// <summary>LSP's CompletionItemKind (the values this server uses).</summary>
public enum CompletionItemKind
{
    Text = 1, Class = 7, Property = 10, Value = 12, Keyword = 14, File = 17, Reference = 18, EnumMember = 20, Event = 23,
}

/// <summary>LSP's SymbolKind (the values this server uses).</summary>
public enum SymbolKind { Module = 2, Class = 5, Constant = 21, Event = 24 }

/// <summary>LSP's TextDocumentSyncKind.</summary>
public enum TextDocumentSyncKind { None = 0, Full = 1, Incremental = 2 }

/// <summary>LSP's MessageType.</summary>
public enum MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 }
