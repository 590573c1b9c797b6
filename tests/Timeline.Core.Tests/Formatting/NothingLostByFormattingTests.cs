using Timeline.Core.Formatting;
using Timeline.Core.Language;
using Timeline.Core.Tests.Samples;
using Xunit.Abstractions;

namespace Timeline.Core.Tests.Formatting;

/// <summary>
/// Formatting keeps the content: for every sample (LF and CRLF twins), the mutated files of the
/// robustness runs and 10,000 generated files, the formatted text says the same (same values, same
/// comments with the same owners, items in the same order), formatting it again changes nothing, and
/// its line endings are the file's.
/// </summary>
public class NothingLostByFormattingTests(ITestOutputHelper output)
{
    /// <summary>Checks one text; returns whether it was formatted (false: left as it was, with a reason).</summary>
    internal static bool AssertKept(string text, FileKind kind, string context)
    {
        var once = Formatter.Format(text, kind);
        if (once.Refusal is not null)
        {
            Assert.Equal(text, once.Text);
            return false;
        }
        Assert.True(DocumentContent.Of(text).SequenceEqual(DocumentContent.Of(once.Text)), $"{context}: content changed\n{text}\n---\n{once.Text}");
        var twice = Formatter.Format(once.Text, kind);
        Assert.True(twice.Refusal is null && !twice.Changed, $"{context}: not idempotent ({twice.Refusal})\n{once.Text}\n---\n{twice.Text}");
        if (once.Changed && text.Contains("\r\n", StringComparison.Ordinal) && !text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n'))
            Assert.DoesNotContain('\n', once.Text.Replace("\r\n", "", StringComparison.Ordinal));
        if (text.StartsWith('\uFEFF')) Assert.StartsWith("\uFEFF", once.Text, StringComparison.Ordinal);
        return true;
    }

    [Theory]
    [MemberData(nameof(SampleTests.Cases), MemberType = typeof(SampleTests))]
    public void Every_sample_keeps_its_content(string sample, bool crlf)
    {
        foreach (var (path, raw) in SampleTests.ReadSample(sample).Where(p => p.Key.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            string text = crlf ? Repo.ToCrlf(raw) : raw;
            var kind = FileKinds.FromPath(path);
            bool formatted = AssertKept(text, kind, $"{sample}/{path}");
            var twin = Formatter.Format(crlf ? raw : Repo.ToCrlf(raw), kind);
            // LF and CRLF twins are formatted alike.
            if (formatted) Assert.Equal(Formatter.Format(text, kind).Text.Replace("\r\n", "\n", StringComparison.Ordinal),
                twin.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
            else Assert.False(ReadsAsKeys(text), $"{sample}/{path} was refused although it reads: {Formatter.Format(text, kind).Refusal}");
        }
    }

    /// <summary>Whether a text reads without a syntax problem and its top level is a mapping: a file the formatter must lay out.</summary>
    private static bool ReadsAsKeys(string text) =>
        Syntax.YamlReader.Read(text) is { Problems.Count: 0, Root: Syntax.MappingNode { IsFlow: false, Entries.Count: > 0 } };

    [Fact]
    public void Mutated_files_of_the_robustness_runs_keep_their_content()
    {
        var corpus = Timeline.Bench.Robustness.Corpus(Repo.Root);
        int formatted = 0, refused = 0;
        const int Cases = 2000;
        Parallel.For(0, Cases, i =>
        {
            var (text, rng) = Timeline.Bench.Robustness.MutatedCase(corpus, i);
            var kind = (FileKind)(1 + rng.Next(5));
            if (AssertKept(text, kind, $"mutation {i}")) Interlocked.Increment(ref formatted); else Interlocked.Increment(ref refused);
        });
        output.WriteLine($"{Cases} mutated files: {formatted} formatted, {refused} left as they were (syntax errors)");
        Assert.True(formatted > Cases / 5, $"only {formatted} of {Cases} mutated files could be formatted");
    }

    [Fact]
    public void Ten_thousand_generated_files_keep_their_content()
    {
        const int Files = 10_000;
        var refusals = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, Files, seed =>
        {
            var (kind, text) = LayoutCorpus.Generate(seed);
            if (!AssertKept(text, kind, $"generated file {seed}")) refusals.Add($"{seed}: {Formatter.Format(text, kind).Refusal}");
        });
        Assert.True(refusals.IsEmpty, $"{refusals.Count} generated files were not formatted:\n" + string.Join("\n", refusals.Take(10)));
    }
}
