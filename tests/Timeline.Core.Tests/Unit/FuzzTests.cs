using Timeline.Core.Project;

namespace Timeline.Core.Tests.Unit;

/// <summary>Mutated samples (byte flips, cuts, insertions of YAML punctuation, tabs, CR, RTL marks, lone surrogates,
/// NUL) never make the core throw.</summary>
public class FuzzTests
{
    private const string Alphabet = "-:[]{}#&*!|>'\"\t\r\n ,?%@`\\\u200F\uD83D\uDE00\uFFFD\0ab1";

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 8).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_samples_never_throw(int seed)
    {
        var corpus = Directory.EnumerateFiles(Repo.Path("tests", "samples"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repo.Path("examples"), "*.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var rng = new Random(seed);
        for (int i = 0; i < 150; i++)
        {
            var t = corpus[rng.Next(corpus.Length)].ToList();
            for (int k = rng.Next(1, 8); k > 0 && t.Count > 0; k--)
            {
                int pos = rng.Next(t.Count);
                switch (rng.Next(4))
                {
                    case 0: t[pos] = Alphabet[rng.Next(Alphabet.Length)]; break;
                    case 1: t.RemoveRange(pos, Math.Min(rng.Next(1, 20), t.Count - pos)); break;
                    case 2: t.Insert(pos, Alphabet[rng.Next(Alphabet.Length)]); break;
                    default: t.RemoveRange(pos, t.Count - pos); break;
                }
            }
            string text = new(t.ToArray());
            var fs = new MemoryFileSystem(new Dictionary<string, string>
            {
                ["/p/a.timeline.yaml"] = text,
                ["/p/b.places.yaml"] = text,
                ["/p/c.actors.yaml"] = text,
                ["/p/timeline.config.yaml"] = text,
            });
            var ex = Record.Exception(() => ProjectAnalyzer.Analyze(ProjectLoader.Load(fs, "/p")));
            Assert.True(ex is null, $"seed {seed}, case {i}: {ex}\n--- text ---\n{text}");
        }
    }
}
