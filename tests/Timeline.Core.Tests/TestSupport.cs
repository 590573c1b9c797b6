namespace Timeline.Core.Tests;

public static class Repo
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Timeline.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Timeline.sln not found above the test binaries");
    });

    public static string Root => RootLazy.Value;
    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    /// <summary>TIMELINE_ACCEPT=1 dotnet test: rewrite baselines (sample annotations, schemas) from what the code does now.</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable("TIMELINE_ACCEPT") == "1";

    public static string ToCrlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");
}
