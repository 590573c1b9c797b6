using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// An editor feature: its folder holds this class, its handlers and its conversion from the core's
/// results to LSP. The server takes every feature listed in <see cref="All"/>, lets each declare its part of
/// the capabilities, and registers its handlers; nothing else needs to know a feature exists.
/// </summary>
internal interface IFeature
{
    /// <summary>The capabilities with this feature's part filled in (most features add one property).</summary>
    ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities;

    /// <summary>Registers the feature's request and notification handlers.</summary>
    void Register(TimelineLanguageServer server);

    /// <summary>Runs once the client has said <c>initialized</c>: the moment to ask it for something.</summary>
    Task InitializedAsync(TimelineLanguageServer server) => Task.CompletedTask;

    /// <summary>
    /// Every feature of the server, in a stable order (by name). Written out rather than found by reflection: loading
    /// every type of the assembly to find them cost an editor's cold start ~4 ms. A feature left out of it fails
    /// FeatureRegistryTests.
    /// </summary>
    static IReadOnlyList<IFeature> All { get; } =
    [
        new CodeActionsFeature(), new CodeLensFeature(), new CompletionFeature(), new ConfigurationFeature(),
        new DefinitionFeature(), new DocumentLinksFeature(), new DocumentSymbolsFeature(), new DocumentSyncFeature(),
        new DocumentTextFeature(), new ExecuteCommandFeature(), new FoldingFeature(), new FormattingFeature(),
        new HoverFeature(), new InlayHintsFeature(), new NewProjectFeature(), new PreviewFeature(),
        new ReferencesFeature(), new RenameFeature(), new SemanticTokensFeature(), new WatchedFilesFeature(),
        new WorkspaceFoldersFeature(), new WorkspaceSymbolsFeature(),
    ];
}
