namespace Timeline.LanguageServer.Protocol;

// What the client says it can do (the parts this server reads), and what the server offers. Each
// feature fills in its own part of ServerCapabilities (see Features/IFeature.cs).

public sealed record ClientCapabilities(
    GeneralClientCapabilities? General = null, WorkspaceClientCapabilities? Workspace = null, TextDocumentClientCapabilities? TextDocument = null);
public sealed record GeneralClientCapabilities(string[]? PositionEncodings = null);
public sealed record WorkspaceClientCapabilities(
    bool? Configuration = null, DynamicRegistrationCapability? DidChangeWatchedFiles = null, WorkspaceEditClientCapabilities? WorkspaceEdit = null);
public sealed record DynamicRegistrationCapability(bool? DynamicRegistration = null);
public sealed record WorkspaceEditClientCapabilities(bool? DocumentChanges = null, string[]? ResourceOperations = null);
public sealed record TextDocumentClientCapabilities(DocumentSymbolClientCapabilities? DocumentSymbol = null);
public sealed record DocumentSymbolClientCapabilities(bool? HierarchicalDocumentSymbolSupport = null);

public sealed record ServerCapabilities
{
    public string? PositionEncoding { get; init; }
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    public CompletionOptions? CompletionProvider { get; init; }
    public bool? HoverProvider { get; init; }
    public bool? DefinitionProvider { get; init; }
    public bool? ReferencesProvider { get; init; }
    public RenameOptions? RenameProvider { get; init; }
    public bool? DocumentSymbolProvider { get; init; }
    public bool? WorkspaceSymbolProvider { get; init; }
    public CodeActionOptions? CodeActionProvider { get; init; }
    public CodeLensOptions? CodeLensProvider { get; init; }
    public bool? InlayHintProvider { get; init; }
    public DocumentLinkOptions? DocumentLinkProvider { get; init; }
    public bool? FoldingRangeProvider { get; init; }
    public bool? DocumentFormattingProvider { get; init; }
    public bool? DocumentRangeFormattingProvider { get; init; }
    public SemanticTokensOptions? SemanticTokensProvider { get; init; }
    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }
    public WorkspaceServerCapabilities? Workspace { get; init; }
}

public sealed record ExecuteCommandOptions(string[] Commands);

public sealed record SaveOptions(bool IncludeText);
public sealed record TextDocumentSyncOptions(bool OpenClose, TextDocumentSyncKind Change, SaveOptions Save);
public sealed record CompletionOptions(string[] TriggerCharacters, bool ResolveProvider);
public sealed record RenameOptions(bool PrepareProvider);
public sealed record CodeActionOptions(string[] CodeActionKinds, bool ResolveProvider);
public sealed record CodeLensOptions(bool ResolveProvider);
public sealed record DocumentLinkOptions(bool ResolveProvider);
public sealed record SemanticTokensLegend(string[] TokenTypes, string[] TokenModifiers);
public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Range, bool Full);
public sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);
public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

public sealed record ServerInfo(string Name, string Version);
public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);
