using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// An editor feature: its folder holds this class, its handlers and its conversion from the core's
/// results to LSP. The server finds every feature of this assembly, lets each declare its part of
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

    /// <summary>Every feature of the server, in a stable order (by name).</summary>
    static IReadOnlyList<IFeature> All { get; } = typeof(IFeature).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeature).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IFeature)Activator.CreateInstance(t)!)
        .ToList();
}
