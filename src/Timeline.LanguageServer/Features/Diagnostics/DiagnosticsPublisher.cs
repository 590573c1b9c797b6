using System.Diagnostics.CodeAnalysis;
using Timeline.Core.Checks;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// Publishes diagnostics for the open documents: after each change, with the document's version;
/// again for every open document of a project when one of its files (open or on disk) changes;
/// empty when a document closes. No timer holds a check back: the edits that arrive while a check
/// runs are all taken by the next one, so a burst of keystrokes is checked once.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Stopped, never disposed: its loop may read the token as it ends")]
internal sealed class DiagnosticsPublisher
{
    private readonly TimelineLanguageServer _server;
    // Set by every change; the loop takes all the changes made since its last round at once.
    private readonly AutoResetEvent _signal = new(false);
    // What went out last for each document: its version, the check it came from, and the findings themselves.
    private readonly Dictionary<string, (int Version, long Generation, IReadOnlyList<Core.Checks.Diagnostic> Found, bool Complete)> _published =
        new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _loop;

    public DiagnosticsPublisher(TimelineLanguageServer server) => _server = server;

    public void Schedule()
    {
        // A thread of its own: a keystroke's check never waits for the thread pool, which a project's reading keeps busy.
        if (Volatile.Read(ref _loop) is null)
            lock (_signal)
                if (_loop is null)
                {
                    _loop = new Thread(Loop) { IsBackground = true, Name = "timeline diagnostics" };
                    _loop.Start();
                }
        _signal.Set();
    }

    public void Stop()
    {
        _stop.Cancel();
        _signal.Set();
    }

    public void Cleared(string uri)
    {
        lock (_published) _published.Remove(uri);
        var empty = new PublishDiagnosticsParams(uri, null, []);
        _ = _server.NotifyAsync("textDocument/publishDiagnostics", empty, LspJson.Default.PublishDiagnosticsParams);
    }

    /// <summary>Publishes findings for a document that is not open (one too large to be received), with no version.</summary>
    public Task PublishUnopened(string uri, Protocol.Diagnostic[] items)
    {
        lock (_published) _published.Remove(uri);
        return _server.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, items),
            LspJson.Default.PublishDiagnosticsParams);
    }

    private readonly HashSet<string> _reading = new(StringComparer.Ordinal);

    /// <summary>Reads a document's project away from this loop (once at a time), then publishes again.</summary>
    private void ReadInBackground(string path)
    {
        string root = _server.Workspace.RootOf(path);
        lock (_reading) if (!_reading.Add(root)) return;
        _ = _server.InBackground(() =>
        {
            try { using (_server.Memory?.Busy()) _server.Workspace.Read(path); }
            catch (Exception ex) { _server.Log($"reading {root} failed: {ex}"); }
            finally { lock (_reading) _reading.Remove(root); }
            Schedule();
        });
    }

    private void Loop()
    {
        while (true)
        {
            _signal.WaitOne();
            if (_stop.IsCancellationRequested) return;
            // The idle countdown starts again after a round that reported to the writer, not after an empty one.
            try { if (PublishAsync().GetAwaiter().GetResult()) _server.Memory?.Activity(); }
            catch (Exception ex)
            {
                _server.Log($"checking failed: {ex}");
                _ = _server.ShowLogAsync(MessageType.Error, $"Timeline: checking failed: {ex.Message}");
            }
        }
    }

    /// <summary>Checks the open documents and reports what changed; whether it reported anything.</summary>
    private async Task<bool> PublishAsync()
    {
        bool published = false;
        foreach (var doc in _server.Workspace.OpenDocuments)
        {
            if (_stop.IsCancellationRequested) return published;
            // Before its project is read, a document's own findings go out at once; the project's follow when it is read.
            var analysis = _server.AnswerWhileReading ? _server.Workspace.Known(doc.Path) : _server.Workspace.Analyze(doc.Path);
            if (!analysis.Complete) ReadInBackground(doc.Path);
            var current = _server.Workspace.Document(doc.Path);
            // Changed again: the next round publishes.
            if (current is null || current.Version != doc.Version || !ReferenceEquals(current.Model, doc.Model)) continue;
            // Checked from another version of the document: check again (files of no known kind are in no project).
            if (doc.Model.Kind != Core.Language.FileKind.Unknown && !ReferenceEquals(analysis.File(doc.Path), doc.Model)) { Schedule(); continue; }
            string uri = _server.Uris.ToUri(doc.Path);
            // A built-in catalog shown to the writer is Timeline's, not theirs: nothing to report in it.
            var diags = Core.Catalogs.BuiltinCatalogs.NameOf(doc.Path) is null ? analysis.Result.For(doc.Path) : [];
            // Published already: from this check, or the very findings a check of another file kept for this one.
            lock (_published)
                if (_published.TryGetValue(uri, out var last) && last.Version == doc.Version && (last.Generation == analysis.Generation
                    || (ReferenceEquals(last.Found, diags) && last.Complete == analysis.Complete))) continue;
            var items = diags.Select(d => DiagnosticConversion.ToLsp(_server.Lsp, d, doc.Model.Source)).ToArray();
            // A later version was made meanwhile, moving the segments this one shares with it: what was found and placed
            // may be placed for the later text. Nothing goes out under this version; the change scheduled the next round.
            if (doc.Model.MovedOn) continue;
            lock (_published) _published[uri] = (doc.Version, analysis.Generation, diags, analysis.Complete);
            // The check is done and what it replaced is garbage: the moment to give memory back, if asked (not before a
            // document's own findings, which go out first).
            if (analysis.Complete) _server.Memory?.TrimIfRequested();
            // What is known before the project is read is the document's own findings, not all of its version's: published
            // with no version, since a version names exactly the findings of its text (the project's follow, with it).
            int? version = analysis.Complete ? doc.Version : null;
            await _server.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, version, items),
                LspJson.Default.PublishDiagnosticsParams).ConfigureAwait(false);
            published = true;
        }
        return published;
    }
}
