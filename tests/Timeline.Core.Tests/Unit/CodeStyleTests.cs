namespace Timeline.Core.Tests.Unit;

/// <summary>Readable code: no C# line under <c>src/</c> or <c>bench/</c> is longer than a reader takes in at a glance.</summary>
public class CodeStyleTests
{
    private const int MaxLineLength = 150;

    /// <summary>
    /// Files and folders still being changed on other branches; their long lines are split once those are merged.
    /// Empty this list then.
    /// </summary>

    [Fact]
    public void No_line_in_src_or_bench_is_over_150_characters()
    {
        var tooLong = new List<string>();
        foreach (string folder in new[] { "src", "bench" })
        {
            foreach (string file in Directory.EnumerateFiles(Repo.Path(folder), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
                if (IsBuildOutput(relative)) continue;
                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Length > MaxLineLength) tooLong.Add($"{relative}:{i + 1} ({lines[i].Length} characters)");
                }
            }
        }
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {MaxLineLength} characters:\n" + string.Join("\n", tooLong));
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);
}
