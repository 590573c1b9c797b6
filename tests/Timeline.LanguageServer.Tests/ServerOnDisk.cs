using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// A project written to a temporary folder and the real server in this process, initialised on
/// it through our client; both gone after the test.
/// </summary>
public abstract class ServerOnDisk : IAsyncLifetime
{
    protected string Dir { get; } = Directory.CreateTempSubdirectory("timeline-lsp-").FullName;
    protected LspClient Client { get; private set; } = null!;

    protected string Uri(string rel) => new Uri(Path.Combine(Dir, rel)).AbsoluteUri;

    /// <summary>The project's files, by path relative to its folder.</summary>
    protected abstract IEnumerable<(string Path, string Text)> Files { get; }

    /// <summary>What the client says it can do, beyond the defaults.</summary>
    protected virtual JsonObject? Capabilities => null;

    public async Task InitializeAsync()
    {
        foreach (var (path, text) in Files) File.WriteAllText(Path.Combine(Dir, path), text);
        Client = LspClient.InProcess();
        await Client.InitializeAsync(Dir, Capabilities);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        Directory.Delete(Dir, true);
    }
}
