using System.Text.Json;
using Timeline.Core.Text;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer;

/// <summary>What the client said it can do, as far as this server cares.</summary>
public sealed class ClientSupport
{
    public PositionEncoding PositionEncoding { get; init; } = PositionEncoding.Utf16;
    public bool DynamicWatchedFiles { get; init; }
    public bool Configuration { get; init; }
    public bool DocumentChanges { get; init; }
    public bool ResourceCreate { get; init; }
    public bool HierarchicalSymbols { get; init; }

    /// <summary>Reads what the client offers; what cannot be read is taken as not offered, and said in the log.</summary>
    public static ClientSupport Read(JsonElement? capabilities, Action<string> log)
    {
        if (capabilities is not { ValueKind: JsonValueKind.Object } c) return Read(null);
        try
        {
            return Read(c.Deserialize(LspJson.Default.ClientCapabilities));
        }
        catch (JsonException ex)
        {
            log($"the client's capabilities could not be read ({ex.Message}); the server assumes the defaults");
            return Read(null);
        }
    }

    public static ClientSupport Read(ClientCapabilities? c)
    {
        var encoding = PositionEncoding.Utf16;
        // The client lists the encodings by preference; take the first we speak.
        foreach (var name in c?.General?.PositionEncodings ?? [])
        {
            PositionEncoding? spoken = name switch
            {
                "utf-16" => PositionEncoding.Utf16,
                "utf-8" => PositionEncoding.Utf8,
                "utf-32" => PositionEncoding.Utf32,
                _ => null,
            };
            if (spoken is { } e)
            {
                encoding = e;
                break;
            }
        }
        var edit = c?.Workspace?.WorkspaceEdit;
        return new ClientSupport
        {
            PositionEncoding = encoding,
            DynamicWatchedFiles = c?.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true,
            Configuration = c?.Workspace?.Configuration == true,
            DocumentChanges = edit?.DocumentChanges == true,
            ResourceCreate = edit?.ResourceOperations?.Contains("create") == true,
            HierarchicalSymbols = c?.TextDocument?.DocumentSymbol?.HierarchicalDocumentSymbolSupport == true,
        };
    }
}
