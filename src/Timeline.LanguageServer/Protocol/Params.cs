using System.Text.Json;

namespace Timeline.LanguageServer.Protocol;

// The parameters of the requests and notifications this server reads.

public sealed record TextDocumentItem(string Uri, string? LanguageId, int Version, string Text);
public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);
public sealed record TextDocumentContentChangeEvent(Range? Range, int? RangeLength, string Text);
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);
public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);

public sealed record TextDocumentParams(TextDocumentIdentifier TextDocument) : ITextDocumentParams;
/// <summary>timeline/preview: the document, and the URIs of the documents the editor holds unsaved (the page says so).</summary>
public sealed record PreviewParams(TextDocumentIdentifier TextDocument, string[]? Unsaved) : ITextDocumentParams;
public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position) : ITextDocumentParams;
public sealed record RangeParams(TextDocumentIdentifier TextDocument, Range Range) : ITextDocumentParams;
/// <summary>What the editor says of its indentation (the other members of LSP's FormattingOptions are not read).</summary>
public sealed record FormattingOptions(int TabSize, bool InsertSpaces);
public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options) : ITextDocumentParams;
public sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, Range Range, FormattingOptions? Options)
    : ITextDocumentParams;
public sealed record CompletionContext(int TriggerKind, string? TriggerCharacter);
public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position, CompletionContext? Context) : ITextDocumentParams;
public sealed record ReferenceContext(bool IncludeDeclaration);
public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context) : ITextDocumentParams;
public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName) : ITextDocumentParams;
/// <summary>What the client asks for; the diagnostics it sends back are not read (the server has its own).</summary>
public sealed record CodeActionContext(string[]? Only);
public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context) : ITextDocumentParams;

public sealed record WorkspaceSymbolParams(string Query);
public sealed record FileEvent(string Uri, int Type);
public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);
/// <summary>The settings are LSPAny: read as they come (see Features/Configuration).</summary>
public sealed record DidChangeConfigurationParams(JsonElement? Settings);
public sealed record WorkspaceFolder(string Uri, string? Name);
public sealed record WorkspaceFoldersChangeEvent(WorkspaceFolder[] Added, WorkspaceFolder[] Removed);
public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);
public sealed record SetTraceParams(string Value);
public sealed record ClientInfo(string Name, string? Version);
/// <summary>
/// The capabilities are read on their own (<see cref="ClientSupport.Read(JsonElement?, Action{string})"/>): a client
/// that writes them oddly still gets a server, which then assumes LSP's defaults.
/// </summary>
public sealed record InitializeParams(
    int? ProcessId, string? RootUri, string? RootPath, WorkspaceFolder[]? WorkspaceFolders,
    JsonElement? Capabilities, string? Trace, ClientInfo? ClientInfo);

/// <summary>timeline/newProject: the folder (a URI) the new project is for; omitted, the files come without URIs.</summary>
public sealed record NewProjectParams(string? Folder);

/// <summary>workspace/executeCommand: a command the server declared, with its arguments.</summary>
public sealed record ExecuteCommandParams(string Command, System.Text.Json.JsonElement[]? Arguments);

/// <summary>timeline.captureSource's one argument: the file that defines the source, its id, and the page (a URL or a saved file).</summary>
public sealed record CaptureSourceArguments(string Uri, string Id, string Url);

/// <summary>workspace/applyEdit, sent by the server.</summary>
public sealed record ApplyWorkspaceEditParams(string Label, WorkspaceEdit Edit);
