using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.LanguageServer.Protocol;

// The parts of LSP 3.17 this server reads. Results are written as JSON nodes (see Lsp.cs).

public sealed record Position(int Line, int Character);
public sealed record Range(Position Start, Position End);
public sealed record TextDocumentIdentifier(string Uri);
public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);
public sealed record TextDocumentItem(string Uri, string? LanguageId, int Version, string Text);
public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);
public sealed record TextDocumentContentChangeEvent(Range? Range, int? RangeLength, string Text);
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);
public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);
public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);
public sealed record CompletionContext(int TriggerKind, string? TriggerCharacter);
public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position, CompletionContext? Context);
public sealed record ReferenceContext(bool IncludeDeclaration);
public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context);
public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);
public sealed record TextDocumentParams(TextDocumentIdentifier TextDocument);
public sealed record RangeParams(TextDocumentIdentifier TextDocument, Range Range);
public sealed record CodeActionContext(JsonElement[]? Diagnostics, string[]? Only);
public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context);
public sealed record WorkspaceSymbolParams(string Query);
public sealed record FileEvent(string Uri, int Type);
public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);
public sealed record DidChangeConfigurationParams(JsonElement? Settings);
public sealed record WorkspaceFolder(string Uri, string? Name);
public sealed record WorkspaceFoldersChangeEvent(WorkspaceFolder[] Added, WorkspaceFolder[] Removed);
public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);
public sealed record SetTraceParams(string Value);
public sealed record InitializeParams(
    int? ProcessId, string? RootUri, string? RootPath, WorkspaceFolder[]? WorkspaceFolders,
    JsonElement? Capabilities, JsonElement? InitializationOptions, string? Trace, ClientInfo? ClientInfo);
public sealed record ClientInfo(string Name, string? Version);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(RenameParams))]
[JsonSerializable(typeof(TextDocumentParams))]
[JsonSerializable(typeof(RangeParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(WorkspaceSymbolParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWorkspaceFoldersParams))]
[JsonSerializable(typeof(SetTraceParams))]
public sealed partial class LspJson : JsonSerializerContext;
