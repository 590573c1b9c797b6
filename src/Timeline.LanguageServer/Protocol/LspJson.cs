using System.Text.Json.Serialization;

namespace Timeline.LanguageServer.Protocol;

/// <summary>
/// The serialiser of every LSP structure, generated at build time: camelCase names, nulls left out
/// (a property that LSP writes as null says so with JsonIgnore), enums as their numbers. The records'
/// nullability is their contract: a field they do not mark optional that a client leaves out or sends
/// as null is a parameter error (InvalidParams), caught here, once, and never a null deep in a handler.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
// Parameters
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(ClientCapabilities))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(TextDocumentParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(RangeParams))]
[JsonSerializable(typeof(DocumentFormattingParams))]
[JsonSerializable(typeof(DocumentRangeFormattingParams))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(RenameParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(WorkspaceSymbolParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWorkspaceFoldersParams))]
[JsonSerializable(typeof(SetTraceParams))]
[JsonSerializable(typeof(NewProjectParams))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(CaptureSourceArguments))]
[JsonSerializable(typeof(ShowStubArguments))]
// Results
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(Location[]))]
[JsonSerializable(typeof(PrepareRenameResult))]
[JsonSerializable(typeof(WorkspaceEdit))]
[JsonSerializable(typeof(CodeAction[]))]
[JsonSerializable(typeof(DocumentSymbol[]))]
[JsonSerializable(typeof(SymbolInformation[]))]
[JsonSerializable(typeof(InlayHint[]))]
[JsonSerializable(typeof(DocumentLink[]))]
[JsonSerializable(typeof(FoldingRange[]))]
[JsonSerializable(typeof(TextEdit[]))]
[JsonSerializable(typeof(SemanticTokens))]
[JsonSerializable(typeof(CodeLens[]))]
[JsonSerializable(typeof(DocumentTextResult))]
[JsonSerializable(typeof(PreviewParams))]
[JsonSerializable(typeof(PreviewResult))]
[JsonSerializable(typeof(NewProjectResult))]
[JsonSerializable(typeof(CaptureSourceResult))]
// What the server sends of its own
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(LogTraceParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
public sealed partial class LspJson : JsonSerializerContext;
