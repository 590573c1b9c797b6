using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.LanguageServer.Protocol;

// The parameters of the requests and notifications this server reads. What LSP makes optional is nullable
// with a default; the rest is required, and a message without it is answered InvalidParams (see LspJson).

public sealed record TextDocumentItem(
    string Uri, int Version, [property: JsonConverter(typeof(DocumentTextConverter))] string Text, string? LanguageId = null);
public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);
public sealed record TextDocumentContentChangeEvent(
    [property: JsonConverter(typeof(DocumentTextConverter))] string Text, Range? Range = null, int? RangeLength = null);
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);
public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);

public sealed record TextDocumentParams(TextDocumentIdentifier TextDocument) : ITextDocumentParams;
/// <summary>timeline/preview: the document, and the URIs of the documents the editor holds unsaved (the page says so).</summary>
public sealed record PreviewParams(TextDocumentIdentifier TextDocument, string[]? Unsaved = null) : ITextDocumentParams;
public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position) : ITextDocumentParams;
public sealed record RangeParams(TextDocumentIdentifier TextDocument, Range Range) : ITextDocumentParams;
/// <summary>What the editor says of its indentation (the other members of LSP's FormattingOptions are not read).</summary>
public sealed record FormattingOptions(int TabSize, bool InsertSpaces);
public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options = null) : ITextDocumentParams;
public sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, Range Range, FormattingOptions? Options = null)
    : ITextDocumentParams;
public sealed record CompletionContext(int TriggerKind, string? TriggerCharacter = null);
public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position, CompletionContext? Context = null)
    : ITextDocumentParams;
public sealed record ReferenceContext(bool IncludeDeclaration);
public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null) : ITextDocumentParams;
public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName) : ITextDocumentParams;
/// <summary>What the client asks for; the diagnostics it sends back are not read (the server has its own).</summary>
public sealed record CodeActionContext(string[]? Only = null);
public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context = null) : ITextDocumentParams;

public sealed record WorkspaceSymbolParams(string Query);
public sealed record FileEvent(string Uri, int Type);
public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);
/// <summary>The settings are LSPAny: read as they come (see Features/Configuration).</summary>
public sealed record DidChangeConfigurationParams(JsonElement? Settings = null);
public sealed record WorkspaceFolder(string Uri, string? Name = null);
public sealed record WorkspaceFoldersChangeEvent(WorkspaceFolder[] Added, WorkspaceFolder[] Removed);
public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);
public sealed record SetTraceParams(string Value);
public sealed record ClientInfo(string Name, string? Version = null);
/// <summary>
/// The capabilities are read on their own (<see cref="ClientSupport.Read(JsonElement?, Action{string})"/>): a client
/// that writes them oddly still gets a server, which then assumes LSP's defaults.
/// </summary>
public sealed record InitializeParams(
    int? ProcessId = null, string? RootUri = null, string? RootPath = null, WorkspaceFolder[]? WorkspaceFolders = null,
    JsonElement? Capabilities = null, string? Trace = null, ClientInfo? ClientInfo = null);

/// <summary>What the parameters' types cannot say: the serialiser checks fields, not the items of an array.</summary>
internal static class ParamsCheck
{
    /// <summary>The items of an array, none of them null (or an InvalidParams answer that says which).</summary>
    public static T[] Items<T>(T[] items, string name) where T : class =>
        Array.IndexOf(items, null!) is var i and >= 0 ? throw new JsonRpc.InvalidParamsException($"{name}[{i}] is null") : items;
}

/// <summary>timeline/newProject: the folder (a URI) the new project is for; omitted, the files come without URIs.</summary>
public sealed record NewProjectParams(string? Folder = null);

/// <summary>workspace/executeCommand: a command the server declared, with its arguments.</summary>
public sealed record ExecuteCommandParams(string Command, System.Text.Json.JsonElement[]? Arguments = null);

/// <summary>timeline.captureSource's one argument: the file that defines the source, its id, and the page (a URL or a saved file).</summary>
public sealed record CaptureSourceArguments(string Uri, string Id, string Url);

/// <summary>
/// timeline.showStub's one argument: the document a fix wrote a stub in and the range, in its text after the fix, of the
/// value to check. The editor runs it itself (the server does not declare it): it opens the document and selects the range.
/// </summary>
public sealed record ShowStubArguments(string Uri, Range Range);

/// <summary>workspace/applyEdit, sent by the server.</summary>
public sealed record ApplyWorkspaceEditParams(string Label, WorkspaceEdit Edit);
