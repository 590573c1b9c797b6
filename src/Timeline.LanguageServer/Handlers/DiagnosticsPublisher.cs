using System.Text.Json.Nodes;
using System.Threading.Channels;
using Timeline.Core.Checks;
using Timeline.Core.Services;

namespace Timeline.LanguageServer.Handlers;

/// <summary>
/// Publishes diagnostics for the open documents: after each change (a short delay gathers a
/// burst of keystrokes), with the document's version; again for every open document of a
/// project when one of its files (open or on disk) changes; empty when a document closes.
/// </summary>
internal sealed class DiagnosticsPublisher
{
    private readonly TimelineLanguageServer _server;
    private readonly TimeSpan _delay;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, (int Version, long Generation)> _published = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public DiagnosticsPublisher(TimelineLanguageServer server, TimeSpan delay)
    {
        _server = server;
        _delay = delay;
    }

    public void Schedule()
    {
        _loop ??= Task.Run(LoopAsync);
        _signal.Writer.TryWrite(true);
    }

    public void Stop()
    {
        _stop.Cancel();
        _signal.Writer.TryComplete();
    }

    public void Cleared(string uri)
    {
        lock (_published) _published.Remove(uri);
        _ = _server.Rpc.NotifyAsync("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray() });
    }

    private async Task LoopAsync()
    {
        try
        {
            while (await _signal.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                _signal.Reader.TryRead(out _);
                if (_delay > TimeSpan.Zero) await Task.Delay(_delay, _stop.Token).ConfigureAwait(false);
                _signal.Reader.TryRead(out _); // changes during the delay are in this round
                // The idle countdown starts again after a round that reported to the writer, not after an empty one.
                try { if (await PublishAsync().ConfigureAwait(false)) _server.Memory?.Activity(); }
                catch (Exception ex)
                {
                    _server.Log($"checking failed: {ex}");
                    await _server.ShowLogAsync(1, $"Timeline: checking failed: {ex.Message}").ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (ChannelClosedException) { }
    }

    /// <summary>Checks the open documents and reports what changed; whether it reported anything.</summary>
    private async Task<bool> PublishAsync()
    {
        bool published = false;
        foreach (var doc in _server.Workspace.OpenDocuments)
        {
            if (_stop.IsCancellationRequested) return published;
            var analysis = _server.Workspace.Analyze(doc.Path);
            var current = _server.Workspace.Document(doc.Path);
            if (current is null || current.Version != doc.Version || !ReferenceEquals(current.Model, doc.Model)) continue; // changed again: the next round publishes
            // Checked from another version of the document: check again (files of no known kind are in no project).
            if (doc.Model.Kind != Timeline.Core.Language.FileKind.Unknown && !ReferenceEquals(analysis.File(doc.Path), doc.Model)) { Schedule(); continue; }
            string uri = _server.Uris.ToUri(doc.Path);
            lock (_published)
            {
                if (_published.TryGetValue(uri, out var last) && last.Version == doc.Version && last.Generation == analysis.Generation) continue;
                _published[uri] = (doc.Version, analysis.Generation);
            }
            // A built-in catalog shown to the writer is Timeline's, not theirs: nothing to report in it.
            var diags = Timeline.Core.Catalogs.BuiltinCatalogs.NameOf(doc.Path) is null ? analysis.Result.For(doc.Path) : Array.Empty<Diagnostic>();
            var items = new JsonArray();
            foreach (var d in diags) items.Add(ToLsp(d, doc.Model));
            // The check is done and what it replaced is garbage: the moment to give memory back, if asked.
            _server.Memory?.TrimIfRequested();
            await _server.Rpc.NotifyAsync("textDocument/publishDiagnostics", new JsonObject
            {
                ["uri"] = uri,
                ["version"] = doc.Version,
                ["diagnostics"] = items,
            }).ConfigureAwait(false);
            published = true;
        }
        return published;
    }

    internal JsonObject ToLsp(Diagnostic d, FileModel file)
    {
        var o = new JsonObject
        {
            ["range"] = _server.Lsp.Range(file.Source, d.Span),
            ["severity"] = d.Severity switch { Severity.Error => 1, Severity.Warning => 2, _ => 3 },
            ["code"] = d.Code,
            ["source"] = "timeline",
            ["message"] = d.Message,
        };
        if (d.Rule.Tags != RuleTags.None)
        {
            // LSP's DiagnosticTag: 1 unnecessary (drawn faded), 2 deprecated (struck through).
            var tags = new JsonArray();
            if (d.Rule.Tags.HasFlag(RuleTags.Unnecessary)) tags.Add(1);
            if (d.Rule.Tags.HasFlag(RuleTags.Deprecated)) tags.Add(2);
            o["tags"] = tags;
        }
        if (d.Suggestions.Count > 0 || d.Fixes.Count > 0)
        {
            o["data"] = new JsonObject
            {
                ["name"] = d.Name,
                ["suggestions"] = new JsonArray(d.Suggestions.Select(s => (JsonNode)s).ToArray()),
                ["fixes"] = new JsonArray(d.Fixes.Select(f => (JsonNode)new JsonObject
                {
                    ["title"] = f.Title,
                    ["edits"] = new JsonArray(f.Edits.Select(e => (JsonNode)new JsonObject { ["range"] = _server.Lsp.Range(file.Source, e.Span), ["newText"] = e.NewText }).ToArray()),
                }).ToArray()),
            };
        }
        return o;
    }
}
