using Timeline.Core.Text;

namespace Timeline.Core.Evidence;

/// <summary>
/// The fingerprints of one text, for finding passages it shares with others (<see cref="SharedText"/>): its words,
/// normalised (case-folded; punctuation, quotation marks and dashes of every kind left out), hashed in shingles of
/// <see cref="SharedText.ShingleWords"/> words and winnowed. Made once per snapshot and kept with it; immutable.
/// </summary>
public sealed class TextFingerprint
{
    private TextFingerprint(string text, int[] starts, int[] ends, ulong[] hashes, ulong[] fingerprints, int[] positions)
    {
        Text = text;
        WordStarts = starts;
        WordEnds = ends;
        WordHashes = hashes;
        Fingerprints = fingerprints;
        Positions = positions;
    }

    /// <summary>The text the fingerprints were made from (a <see cref="SnapshotText.Text"/>).</summary>
    public string Text { get; }

    /// <summary>How many words the text has.</summary>
    public int WordCount => WordStarts.Length;

    internal int[] WordStarts { get; }
    internal int[] WordEnds { get; }
    internal ulong[] WordHashes { get; }
    /// <summary>The winnowed shingle hashes, and the word each shingle starts at.</summary>
    internal ulong[] Fingerprints { get; }
    internal int[] Positions { get; }

    /// <summary>Fingerprints a snapshot's text.</summary>
    public static TextFingerprint Of(SnapshotText snapshot) => Of(snapshot.Text);

    /// <summary>Fingerprints a text.</summary>
    public static TextFingerprint Of(string text)
    {
        var starts = new List<int>(text.Length / 5);
        var ends = new List<int>(text.Length / 5);
        var hashes = new List<ulong>(text.Length / 5);
        int i = 0;
        while (i < text.Length)
        {
            if (!EvidenceTokens.IsWordChar(text, i)) { i++; continue; }
            int s = i;
            ulong h = 14695981039346656037UL;  // FNV-1a over the case-folded characters
            while (i < text.Length && EvidenceTokens.IsWordChar(text, i))
            {
                int step = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                for (int c = i; c < i + step; c++) h = (h ^ char.ToLowerInvariant(text[c])) * 1099511628211UL;
                i += step;
            }
            starts.Add(s);
            ends.Add(i);
            hashes.Add(Mix(h));
        }
        var (fingerprints, positions) = Winnow(hashes);
        return new TextFingerprint(text, starts.ToArray(), ends.ToArray(), hashes.ToArray(), fingerprints, positions);
    }

    /// <summary>Spreads a word's hash over all 64 bits (FNV's low bits are weak for short words).</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL; h ^= h >> 33;
        return h;
    }

    /// <summary>
    /// Hashes every shingle of k words (a rolling polynomial hash) and keeps, for every window of w shingles, the
    /// smallest (the rightmost of equals), once: any run of k + w - 1 = <see cref="SharedText.MinimumWords"/> words
    /// that two texts share holds a window of shingles that both keep the same fingerprint from.
    /// </summary>
    private static (ulong[] Hashes, int[] Positions) Winnow(List<ulong> words)
    {
        const int k = SharedText.ShingleWords, w = SharedText.Window;
        int shingles = words.Count - k + 1;
        if (shingles <= 0) return ([], []);
        const ulong Base = 0x100000001B3UL;
        ulong top = 1;
        for (int i = 1; i < k; i++) top *= Base;
        var shingle = new ulong[shingles];
        ulong h = 0;
        for (int i = 0; i < k; i++) h = h * Base + words[i];
        shingle[0] = h;
        for (int i = 1; i < shingles; i++)
        {
            h = (h - words[i - 1] * top) * Base + words[i + k - 1];
            shingle[i] = h;
        }
        var hashes = new List<ulong>(2 * shingles / (w + 1) + 2);
        var positions = new List<int>(hashes.Capacity);
        // A deque of positions whose hashes increase: its front is the window's minimum.
        var deque = new int[shingles];
        int head = 0, tail = 0, last = -1;
        for (int i = 0; i < shingles; i++)
        {
            while (tail > head && shingle[deque[tail - 1]] >= shingle[i]) tail--;
            deque[tail++] = i;
            if (deque[head] <= i - w) head++;
            if (i < w - 1 && i < shingles - 1) continue;
            int min = deque[head];
            if (min != last) { hashes.Add(shingle[min]); positions.Add(min); last = min; }
        }
        return (hashes.ToArray(), positions.ToArray());
    }
}

/// <summary>A passage two texts share.</summary>
/// <param name="First">The index of the first text (the smaller) in the list given.</param>
/// <param name="Second">The index of the second.</param>
/// <param name="FirstSpan">The passage's span in the first text.</param>
/// <param name="SecondSpan">Its span in the second text.</param>
/// <param name="Words">How many words it has.</param>
/// <param name="Text">The passage as the first text has it.</param>
public sealed record SharedPassage(int First, int Second, TextSpan FirstSpan, TextSpan SecondSpan, int Words, string Text);

/// <summary>
/// Finds passages of <see cref="MinimumWords"/> words or more that texts share, as plagiarism detectors do:
/// fingerprints (winnowed shingle hashes) are indexed, texts that share one are candidates, and each candidate
/// is verified by extending the shared words one by one, so the length reported is exact. Texts are never
/// compared whole, pair by pair. Words compare case-folded, without punctuation, so wire copy reprinted with
/// other quotation marks, dashes or line breaks is still found.
/// </summary>
public static class SharedText
{
    /// <summary>The shortest shared passage reported, in words.</summary>
    public const int MinimumWords = 40;

    /// <summary>Words per shingle.</summary>
    internal const int ShingleWords = 12;

    /// <summary>Shingles per winnowing window: a shared run of <see cref="MinimumWords"/> words always holds a whole window.</summary>
    internal const int Window = MinimumWords - ShingleWords + 1;

    /// <summary>
    /// For each pair of texts that share a passage of <see cref="MinimumWords"/> words or more, the longest such
    /// passage; ordered by the pair's indices.
    /// </summary>
    public static IReadOnlyList<SharedPassage> Find(IReadOnlyList<TextFingerprint> texts)
    {
        int total = 0;
        foreach (var t in texts) total += t.Fingerprints.Length;
        var all = new (ulong Hash, int Text, int Position)[total];
        int n = 0;
        for (int d = 0; d < texts.Count; d++)
        {
            var t = texts[d];
            for (int f = 0; f < t.Fingerprints.Length; f++) all[n++] = (t.Fingerprints[f], d, t.Positions[f]);
        }
        Array.Sort(all);   // by hash, then text, then position
        var candidates = new List<(int A, int B, int PositionA, int PositionB)>();
        for (int g = 0; g < all.Length;)
        {
            int end = g + 1;
            while (end < all.Length && all[end].Hash == all[g].Hash) end++;
            for (int x = g; x < end; x++)
                for (int y = x + 1; y < end; y++)
                    if (all[x].Text != all[y].Text) candidates.Add((all[x].Text, all[y].Text, all[x].Position, all[y].Position));
            g = end;
        }
        candidates.Sort();
        var result = new List<SharedPassage>();
        for (int c = 0; c < candidates.Count;)
        {
            int end = c + 1;
            while (end < candidates.Count && candidates[end].A == candidates[c].A && candidates[end].B == candidates[c].B) end++;
            var found = Longest(texts[candidates[c].A], texts[candidates[c].B], candidates, c, end);
            if (found is { } f && f.Words >= MinimumWords)
            {
                var a = texts[candidates[c].A];
                var b = texts[candidates[c].B];
                var spanA = new TextSpan(a.WordStarts[f.StartA], a.WordEnds[f.StartA + f.Words - 1]);
                var spanB = new TextSpan(b.WordStarts[f.StartB], b.WordEnds[f.StartB + f.Words - 1]);
                result.Add(new SharedPassage(candidates[c].A, candidates[c].B, spanA, spanB, f.Words, a.Text[spanA.Start..spanA.End]));
            }
            c = end;
        }
        return result;
    }

    /// <summary>The longest run of shared words through any of the candidate positions of one pair.</summary>
    private static (int StartA, int StartB, int Words)? Longest(TextFingerprint a, TextFingerprint b,
        List<(int A, int B, int PositionA, int PositionB)> candidates, int from, int to)
    {
        (int StartA, int StartB, int Words)? best = null;
        var covered = new List<(int Diagonal, int Start, int End)>();
        for (int c = from; c < to; c++)
        {
            int pa = candidates[c].PositionA, pb = candidates[c].PositionB;
            if (covered.Any(r => r.Diagonal == pa - pb && pa >= r.Start && pa < r.End)) continue;
            int length = 0;
            while (length < ShingleWords && SameWord(a, pa + length, b, pb + length)) length++;
            if (length < ShingleWords) continue;  // a hash collision
            int start = 0;
            while (pa - start - 1 >= 0 && pb - start - 1 >= 0 && SameWord(a, pa - start - 1, b, pb - start - 1)) start++;
            while (pa + length < a.WordCount && pb + length < b.WordCount && SameWord(a, pa + length, b, pb + length)) length++;
            int words = start + length;
            covered.Add((pa - pb, pa - start, pa + length));
            if (best is null || words > best.Value.Words) best = (pa - start, pb - start, words);
        }
        return best;
    }

    private static bool SameWord(TextFingerprint a, int i, TextFingerprint b, int j) =>
        a.WordHashes[i] == b.WordHashes[j]
        && a.Text.AsSpan(a.WordStarts[i], a.WordEnds[i] - a.WordStarts[i])
            .Equals(b.Text.AsSpan(b.WordStarts[j], b.WordEnds[j] - b.WordStarts[j]), StringComparison.OrdinalIgnoreCase);
}
