using Timeline.Cli.Commands;
using Timeline.Core.Formatting;
using Timeline.Core.Language;
using Xunit.Abstractions;

namespace Timeline.Core.Tests.Formatting;

/// <summary>
/// <c>check --fix</c> keeps the content, as <see cref="NothingLostByFormattingTests"/> proves for <c>fmt</c>: on the
/// mutated files of the robustness runs and on 10,000 generated files, a fix changes only what a certain fix may
/// change (dates and publication dates, the notes that keep a date's words, figures, the events' order); every other value and every
/// comment stays, with its owner. The files go to the command a hundred to a folder, as a project, so that the
/// fixes and their rounds run as they do for a writer.
/// </summary>
public sealed class NothingLostByFixTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-fix-proof-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const int PerFolder = 100;

    [Fact]
    public void Mutated_files_of_the_robustness_runs_keep_their_content_under_fix()
    {
        var corpus = Timeline.Bench.Robustness.Corpus(Repo.Root);
        var files = Enumerable.Range(0, 2000)
            .Select(i => (Name: $"m{i}.timeline.yaml", Timeline.Bench.Robustness.MutatedCase(corpus, i).Text))
            .Where(f => Storable(f.Text));
        output.WriteLine(Prove(files, "mutated"));
    }

    [Fact]
    public void Ten_thousand_generated_files_keep_their_content_under_fix()
    {
        // A config file is a project's root, one to a folder: --fix never writes one, and fmt's proof reads them all.
        var files = Enumerable.Range(0, 10_000).Select(seed => (Seed: seed, File: LayoutCorpus.Generate(seed)))
            .Where(g => g.File.Kind != FileKind.Config)
            .Select(g => (Name: $"g{g.Seed}{Suffix(g.File.Kind)}", g.File.Text));
        output.WriteLine(Prove(files, "generated"));
    }

    /// <summary>Whether a text can be a file: a mutation may leave half of a surrogate pair, which UTF-8 cannot hold.</summary>
    private static bool Storable(string text)
    {
        try
        {
            Strict.GetByteCount(text);
            return true;
        }
        catch (System.Text.EncoderFallbackException)
        {
            return false;
        }
    }

    private static readonly System.Text.UTF8Encoding Strict = new(false, true);

    private static string Suffix(FileKind kind) => kind switch
    {
        FileKind.Places => ".places.yaml",
        FileKind.Actors => ".actors.yaml",
        _ => ".timeline.yaml",
    };

    /// <summary>Runs --fix over the files, a folder of <see cref="PerFolder"/> at a time, and compares each file's content.</summary>
    private string Prove(IEnumerable<(string Name, string Text)> files, string what)
    {
        int count = 0, changed = 0;
        foreach (var batch in files.Chunk(PerFolder))
        {
            string folder = Path.Combine(_dir, $"{what}{count}");
            Directory.CreateDirectory(folder);
            foreach (var (name, text) in batch) File.WriteAllText(Path.Combine(folder, name), text);
            var err = new StringWriter();
            Assert.Null(FixCommand.Run(new[] { folder }, false, false, folder, new StringWriter(), err));
            foreach (var (name, text) in batch)
            {
                string after = File.ReadAllText(Path.Combine(folder, name));
                if (after == text) continue;
                changed++;
                // Sorted: items without unique ids are compared as a set, and a fixed date may change where one falls.
                var before = DocumentContent.Of(text, orderFree: true).Where(l => !Fixable(l)).Order(StringComparer.Ordinal);
                var now = DocumentContent.Of(after, orderFree: true).Where(l => !Fixable(l)).Order(StringComparer.Ordinal);
                Assert.True(before.SequenceEqual(now), $"{name}: --fix changed more than it may\n{err}\n{text}\n---\n{after}");
            }
            count += batch.Length;
        }
        return $"{count} {what} files: {changed} changed by --fix, every other value and comment kept";
    }

    private static bool Fixable(string line) => line.Contains("/date =", StringComparison.Ordinal)
        || line.Contains("/published =", StringComparison.Ordinal)
        || line.Contains("/notes =", StringComparison.Ordinal)
        || LanguageSchema.FigureCounts.Any(c => line.Contains($"/{c} =", StringComparison.Ordinal));
}
