using System.Text.Json;
using Timeline.Core.Checks;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// A didOpen or didChange too large to be received: the document it names gets TL901, as <c>check</c> gives for a
/// file over the size limit, and is not open for the server (requests about it answer as for any document not open).
/// </summary>
internal static class OversizedDocument
{
    /// <summary>Publishes TL901 for the document the message names; false when the prefix names none.</summary>
    public static async Task<bool> HandleAsync(TimelineLanguageServer server, ReadOnlyMemory<byte> prefix, long length)
    {
        var (method, uri) = Scan(prefix.Span);
        if (method is not ("textDocument/didOpen" or "textDocument/didChange") || uri is null)
        {
            server.Log($"a message of {length:N0} bytes is over the limit and names no document in its first bytes"
                + $"{(method is null ? "" : $" ({method})")}: dropped");
            return false;
        }
        server.Log($"{method} for {uri} is {length:N0} bytes, over the limit a message may have: the document is not read");
        string path = server.Uris.ToPath(uri);
        // The server's copy, if it had one, is no longer the editor's: the document is not open from now on.
        if (server.Workspace.Document(path) is not null)
        {
            server.DocumentChanged(uri);
            server.Workspace.Close(path);
            server.Diagnostics.Schedule();
        }
        var model = FileAnalyzer.TooLarge(path);
        var items = model.Diagnostics.Select(d => DiagnosticConversion.ToLsp(server.Lsp, d, model.Source)).ToArray();
        await server.Diagnostics.PublishUnopened(uri, items).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The method and <c>params.textDocument.uri</c> of a message from the first bytes of its JSON, in whatever order
    /// its keys come; each null when the prefix ends (or turns unreadable) before it.
    /// </summary>
    internal static (string? Method, string? Uri) Scan(ReadOnlySpan<byte> prefix)
    {
        string? method = null, uri = null;
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, state: default);
        // The property names leading to where the reader stands; an array's items are under "[]".
        var path = new List<string>();
        string? property = null;
        try
        {
            while ((method is null || uri is null) && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth > 0) path.Add(property ?? "[]");
                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (path.Count > 0) path.RemoveAt(path.Count - 1);
                        property = null;
                        break;
                    case JsonTokenType.String:
                        if (path.Count == 0 && property == "method") method = reader.GetString();
                        else if (property == "uri" && path is ["params", "textDocument"]) uri = reader.GetString();
                        property = null;
                        break;
                    default:
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON from here on: what was found before stands.
        }
        return (method, uri);
    }
}
