using System.Text.Json.Serialization;

namespace Timeline.LanguageServer.Protocol;

// The results this server answers with, and the notifications and requests it sends.

public sealed record CodeDescription(string Href);

/// <summary>What a diagnostic carries for the server's own code actions: the rule's name, did-you-mean candidates, certain fixes.</summary>
public sealed record DiagnosticData(string Name, string[] Suggestions, DiagnosticFix[] Fixes);
public sealed record DiagnosticFix(string Title, TextEdit[] Edits);

public sealed record Diagnostic(
    Range Range, DiagnosticSeverity Severity, string Code, CodeDescription? CodeDescription, string Source, string Message,
    DiagnosticTag[]? Tags, DiagnosticData? Data);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

public sealed record CompletionItem(
    string Label, CompletionItemKind Kind, TextEdit TextEdit, string? Detail, MarkupContent? Documentation, string? FilterText, string? SortText);
public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public sealed record Hover(MarkupContent Contents, Range Range);

public sealed record PrepareRenameResult(Range Range, string Placeholder);

/// <summary>One entry of a WorkspaceEdit's documentChanges: edits to a document, or a file to create.</summary>
[JsonDerivedType(typeof(TextDocumentEdit))]
[JsonDerivedType(typeof(CreateFile))]
public abstract record DocumentChange;
public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, TextEdit[] Edits) : DocumentChange;
public sealed record CreateFileOptions(bool IgnoreIfExists);
public sealed record CreateFile(string Uri, CreateFileOptions Options) : DocumentChange
{
    public string Kind { get; } = "create";
}

/// <summary>Edits by document: a map of URIs (<c>changes</c>), or <c>documentChanges</c> when the client can take them.</summary>
public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]>? Changes, DocumentChange[]? DocumentChanges);

public sealed record CodeAction(string Title, string Kind, WorkspaceEdit Edit, bool? IsPreferred, Diagnostic[]? Diagnostics,
    Command? Command = null);

public sealed record DocumentSymbol(string Name, string Detail, SymbolKind Kind, Range Range, Range SelectionRange);
public sealed record SymbolInformation(string Name, SymbolKind Kind, Location Location, string? ContainerName);

public sealed record InlayHint(Position Position, string Label, string Tooltip, bool PaddingLeft);
public sealed record DocumentLink(Range Range, string Target, string Tooltip);
public sealed record FoldingRange(int StartLine, int EndLine);

/// <summary>Tokens as LSP encodes them: five integers each, relative to the token before.</summary>
public sealed record SemanticTokens(int[] Data);

public sealed record CodeLens(Range Range, Command Command);

public sealed record LogMessageParams(MessageType Type, string Message);
public sealed record LogTraceParams(string Message, string? Verbose);

public sealed record FileSystemWatcher(string GlobPattern);
public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);
public sealed record Registration(string Id, string Method, DidChangeWatchedFilesRegistrationOptions RegisterOptions);
public sealed record RegistrationParams(Registration[] Registrations);

public sealed record ConfigurationItem(string? Section);
public sealed record ConfigurationParams(ConfigurationItem[] Items);

// This server's own requests.

/// <summary>timeline/documentText: the server's copy of an open document.</summary>
public sealed record DocumentTextResult(int Version, string Text);

/// <summary>timeline/preview: the chronology of the document's project as one HTML page.</summary>
public sealed record PreviewResult(string Html);

/// <summary>timeline/newProject: the files of a new project, and the name of the one to open.</summary>
public sealed record NewProjectResult(NewProjectFile[] Files, string Open);

/// <summary>A file of a new project: its name in the folder, its URI there (with a folder), its text, and whether it exists already.</summary>
public sealed record NewProjectFile(string Name, string? Uri, string Text, bool Exists);

/// <summary>timeline.captureSource: the snapshot written, whether the source was given it, and what the writer should check.</summary>
public sealed record CaptureSourceResult(string Snapshot, bool Applied, string[] Warnings);
