using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Timeline.Core.Evidence;

namespace Timeline.Bench;

/// <summary>
/// The evidence engine on generated text. <c>quotes</c>: 40-word quotes, found and not found (a word changed, a word
/// dropped, two words swapped, unrelated words), against 5,000-word snapshots, per-quote p50/p99. <c>shared-text</c>:
/// 1,000 snapshots of 1,000 words with a known number of planted shared passages: fingerprinting and the search,
/// the first run in a fresh process (cold) and warm runs, and the pairs found against those planted.
/// </summary>
public static class EvidenceBench
{
    public static int Run(string[] args)
    {
        int seed = 7;
        for (int i = 1; i + 1 < args.Length; i++)
            if (args[i] == "--seed") seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
        switch (args[0])
        {
            case "quotes": Quotes(seed); return 0;
            case "shared-text": return SharedTexts(seed);
            default:
                Console.Error.WriteLine("usage: timeline-bench evidence quotes|shared-text [--seed S]");
                return 2;
        }
    }

    /// <summary>Words with a Zipf-like frequency, the common ones English function words, as news text has them.</summary>
    private sealed class Words
    {
        private static readonly string[] Common =
        [
            "the", "of", "and", "to", "in", "a", "that", "said", "on", "was", "for", "were", "by", "with", "as", "at", "from",
            "had", "have", "been", "it", "their", "forces", "Aleppo", "civilians", "rebels", "government", "Syria", "city", "killed",
        ];

        private readonly string[] _vocabulary;
        private readonly double[] _cumulative;
        private readonly Random _random;

        public Words(int seed, int size = 8000)
        {
            _random = new Random(seed);
            _vocabulary = new string[size];
            for (int i = 0; i < size; i++) _vocabulary[i] = i < Common.Length ? Common[i] : Invent(i);
            _cumulative = new double[size];
            double sum = 0;
            for (int i = 0; i < size; i++) _cumulative[i] = sum += 1.0 / (i + 1);
            for (int i = 0; i < size; i++) _cumulative[i] /= sum;
        }

        private static string Invent(int i)
        {
            const string Letters = "aeioubcdfghlmnprstvz";
            var b = new StringBuilder();
            for (int n = i * 7919 + 13, k = 0; k < 3 + i % 6; k++, n /= 5) b.Append(Letters[n % Letters.Length]);
            return b.Append(i).ToString();   // the number keeps every word distinct
        }

        public string Next()
        {
            int i = Array.BinarySearch(_cumulative, _random.NextDouble());
            return _vocabulary[Math.Min(_vocabulary.Length - 1, i < 0 ? ~i : i)];
        }

        public int Below(int n) => _random.Next(n);

        /// <summary>A text of the given number of words with punctuation, quotation marks and paragraphs.</summary>
        public List<string> Text(int words)
        {
            var list = new List<string>(words);
            for (int i = 0; i < words; i++)
            {
                string w = Next();
                int r = Below(100);
                if (r < 6) w += ",";
                else if (r < 10) w += ".";
                else if (r < 11) w = "“" + w + "”";
                list.Add(w);
            }
            return list;
        }

        public static string Join(List<string> words, int paragraphWords)
        {
            var b = new StringBuilder();
            for (int i = 0; i < words.Count; i++)
            {
                if (i > 0) b.Append(i % paragraphWords == 0 ? "\n\n" : " ");
                b.Append(words[i]);
            }
            return b.ToString();
        }
    }

    private static void Quotes(int seed)
    {
        const int Snapshots = 20, SnapshotWords = 5000, QuotesPerKind = 500, QuoteWords = 40, Paragraph = 120;
        var words = new Words(seed);
        var build = new List<double>();
        string[] kinds = ["found", "found with an ellipsis", "one word changed", "one word dropped", "two words swapped", "unrelated words"];
        var cases = new List<(QuoteMatcher Matcher, string Kind, string Quote)>();
        for (int s = 0; s < Snapshots; s++)
        {
            var text = words.Text(SnapshotWords);
            var sw = Stopwatch.StartNew();
            var matcher = new QuoteMatcher(SnapshotText.FromPlain(Words.Join(text, Paragraph)));
            build.Add(sw.Elapsed.TotalMilliseconds);
            for (int q = 0; q < QuotesPerKind / Snapshots; q++)
                foreach (var kind in kinds)
                {
                    var quote = text.GetRange(words.Below(SnapshotWords - QuoteWords), QuoteWords);
                    switch (kind)
                    {
                        case "found with an ellipsis":
                            // 40 words of one paragraph, ten of them left out for an ellipsis
                            int start = words.Below(SnapshotWords / Paragraph) * Paragraph + words.Below(Paragraph - QuoteWords);
                            quote = text.GetRange(start, QuoteWords);
                            quote.RemoveRange(15, 10);
                            quote.Insert(15, "…");
                            break;
                        case "one word changed": quote[QuoteWords / 2] = "changed"; break;
                        case "one word dropped": quote.RemoveAt(QuoteWords / 3); break;
                        case "two words swapped":
                            int other = Enumerable.Range(25, 10).First(k => quote[k] != quote[5] || k == 34);
                            (quote[5], quote[other]) = (quote[other], quote[5]);
                            break;
                        case "unrelated words": quote = words.Text(QuoteWords); break;
                    }
                    cases.Add((matcher, kind, string.Join(" ", quote)));
                }
        }
        foreach (var c in cases.Take(200)) c.Matcher.Find(c.Quote);   // warm the code up
        var times = kinds.ToDictionary(k => k, _ => new List<double>());
        var cpuTimes = kinds.ToDictionary(k => k, _ => new List<double>());
        var outcomes = kinds.ToDictionary(k => k, _ => 0);
        var clock = new Stopwatch();
        int collections = GC.CollectionCount(0);
        foreach (var (matcher, kind, quote) in cases)
        {
            double cpuBefore = ThreadCpuMilliseconds();
            clock.Restart();
            var m = matcher.Find(quote);
            times[kind].Add(clock.Elapsed.TotalMilliseconds);
            cpuTimes[kind].Add(ThreadCpuMilliseconds() - cpuBefore);
            if (m.Found == kind.StartsWith("found", StringComparison.Ordinal)) outcomes[kind]++;
        }
        collections = GC.CollectionCount(0) - collections;
        Console.WriteLine($"quotes: {Snapshots} snapshots of {SnapshotWords} words, 40-word quotes; {Environment.ProcessorCount} cores, {Load()}");
        Console.WriteLine($"  garbage collections while timing: {collections} (of the young generation, counted with the quote they fall in)");
        build.Sort();
        Console.WriteLine($"  index build (text read + index): p50 {Percentile(build, 50):F2} ms, max {build[^1]:F2} ms"
            + " (the first includes compiling)");
        foreach (var kind in kinds)
        {
            var t = times[kind];
            var cpu = cpuTimes[kind];
            t.Sort();
            cpu.Sort();
            string expected = kind.StartsWith("found", StringComparison.Ordinal) ? "found" : "not found";
            Console.WriteLine($"  {kind,-24} n={t.Count,4}  wall p50 {Percentile(t, 50):F3} ms  p99 {Percentile(t, 99):F3} ms  max {t[^1]:F3} ms"
                              + $"  thread cpu p50 {Percentile(cpu, 50):F3} ms  p99 {Percentile(cpu, 99):F3} ms"
                              + $"  ({expected}: {outcomes[kind]} of {t.Count})");
        }
    }

    /// <summary>
    /// The CPU time of the calling thread (Linux): what a quote costs with the machine's other work left out, which on a
    /// shared machine can stretch the wall-clock time of any call. NaN elsewhere.
    /// </summary>
    private static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        const int ThreadCpuClock = 3;   // CLOCK_THREAD_CPUTIME_ID
        return ClockGetTime(ThreadCpuClock, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static int SharedTexts(int seed)
    {
        const int Count = 1000, WordsEach = 1000, Planted = 60;
        var words = new Words(seed);
        var texts = new List<List<string>>(Count);
        for (int i = 0; i < Count; i++) texts.Add(words.Text(WordsEach));
        // Each planted passage goes from one snapshot to another, each snapshot used once, reprinted with other marks and case.
        var order = Enumerable.Range(0, Count).OrderBy(_ => words.Below(int.MaxValue)).ToArray();
        var planted = new Dictionary<(int, int), int>();   // the pair and the passage's length in words
        for (int p = 0; p < Planted; p++)
        {
            int from = order[2 * p], to = order[2 * p + 1];
            int length = 40 + words.Below(200), at = words.Below(WordsEach - length), into = words.Below(WordsEach - length);
            for (int k = 0; k < length; k++)
            {
                string word = k % 3 == 0 ? texts[from][at + k].ToUpperInvariant() : texts[from][at + k];
                texts[to][into + k] = word.Replace('“', '"').Replace('”', '"');
            }
            Fence(texts[to], into, length, p);
            planted[(Math.Min(from, to), Math.Max(from, to))] = length;
        }
        // Near misses: 39 shared words never report.
        for (int p = Planted; p < Planted + 20; p++)
        {
            int from = order[2 * p], to = order[2 * p + 1];
            int at = words.Below(WordsEach - 39), into = words.Below(WordsEach - 39);
            for (int k = 0; k < 39; k++) texts[to][into + k] = texts[from][at + k];
            Fence(texts[to], into, 39, p);
        }
        var snapshots = texts.Select(t => SnapshotText.FromPlain(Words.Join(t, 100))).ToArray();
        Console.WriteLine($"shared-text: {Count} snapshots of {WordsEach} words, {Planted} planted shared passages of 40-239 words"
                          + $" and 20 of 39 words; {Environment.ProcessorCount} cores, {Load()}");
        int status = 0;
        for (int round = 0; round < 6; round++)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var fingerprints = new TextFingerprint[Count];
            Parallel.For(0, Count, i => fingerprints[i] = TextFingerprint.Of(snapshots[i]));
            double fingerprinting = sw.Elapsed.TotalMilliseconds;
            var found = SharedText.Find(fingerprints);
            double total = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            double cpuTotal = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            var pairs = found.Select(f => (f.First, f.Second)).ToHashSet();
            int hits = found.Count(f => planted.TryGetValue((f.First, f.Second), out int length) && length == f.Words);
            int others = pairs.Count(p => !planted.ContainsKey(p));
            Console.WriteLine($"  {(round == 0 ? "cold" : "warm")}: {total,7:F1} ms (fingerprints {fingerprinting:F1} ms,"
                              + $" search {total - fingerprinting:F1} ms; cpu {cpuTotal:F0} ms); pairs found {found.Count},"
                              + $" planted found with their exact length {hits} of {planted.Count}, other pairs {others}");
            if (hits != planted.Count || found.Count != hits) status = 1;
        }
        return status;
    }

    /// <summary>Words no text has, either side of a copied passage, so that its length is exactly what was copied.</summary>
    private static void Fence(List<string> text, int at, int length, int tag)
    {
        if (at > 0) text[at - 1] = $"before{tag}";
        if (at + length < text.Count) text[at + length] = $"after{tag}";
    }

    /// <summary>The machine's load when a figure was taken: the machine is shared, and wall-clock times grow with it.</summary>
    private static string Load() => File.Exists("/proc/loadavg") ? $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}" : "";

    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
