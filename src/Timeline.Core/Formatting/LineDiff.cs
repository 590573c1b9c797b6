using Timeline.Core.Checks;
using Timeline.Core.Text;

namespace Timeline.Core.Formatting;

/// <summary>
/// The smallest line edits that turn one text into another: lines both keep are left alone, so an
/// editor's marks, folds and undo history stay where they were.
/// </summary>
public static class LineDiff
{
    /// <summary>
    /// Above this many line pairs a stretch is not compared line by line: it is cut at the lines it holds once in each
    /// text, and only the pieces are (<see cref="UniqueInOrder"/>).
    /// </summary>
    private const long MaxComparisons = 4_000_000;

    private const int MaxDepth = 64;

    // Counting a line into the table of lines found once costs about as much as this many line pairs compared.
    private const long LineCost = 16;

    public static IReadOnlyList<TextEdit> Edits(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        return Runs(a, b).Select(r => Replace(a, b, r.AFrom, r.ATo, r.BFrom, r.BTo, before.Length)).ToList();
    }

    /// <summary>A unified diff (as <c>diff -u</c> writes it) from one text to the other, or "" when they are the same.</summary>
    public static string Unified(string before, string after, string fromName, string toName, int context = 3)
    {
        var a = Lines(before);
        var b = Lines(after);
        var runs = Runs(a, b);
        if (runs.Count == 0) return "";
        var sb = new System.Text.StringBuilder().Append("--- ").Append(fromName).Append('\n').Append("+++ ").Append(toName).Append('\n');
        for (int r = 0; r < runs.Count;)
        {
            // A hunk: runs whose context lines would touch, with the context around them.
            int last = r;
            while (last + 1 < runs.Count && runs[last + 1].AFrom - runs[last].ATo <= 2 * context) last++;
            int aStart = Math.Max(0, runs[r].AFrom - context), aEnd = Math.Min(a.Count, runs[last].ATo + context);
            int bStart = runs[r].BFrom - (runs[r].AFrom - aStart), bEnd = runs[last].BTo + (aEnd - runs[last].ATo);
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"@@ -{aStart + 1},{aEnd - aStart} +{bStart + 1},{bEnd - bStart} @@\n");
            int at = aStart;
            for (int k = r; k <= last; k++)
            {
                for (; at < runs[k].AFrom; at++) sb.Append(' ').Append(Bare(a[at].Text)).Append('\n');
                for (int i = runs[k].AFrom; i < runs[k].ATo; i++) sb.Append('-').Append(Bare(a[i].Text)).Append('\n');
                for (int i = runs[k].BFrom; i < runs[k].BTo; i++) sb.Append('+').Append(Bare(b[i].Text)).Append('\n');
                at = runs[k].ATo;
            }
            for (; at < aEnd; at++) sb.Append(' ').Append(Bare(a[at].Text)).Append('\n');
            r = last + 1;
        }
        return sb.ToString();
    }

    private static string Bare(string line) => line.TrimEnd('\n').TrimEnd('\r');

    /// <summary>The runs of lines that differ: lines [AFrom, ATo) of the first text become [BFrom, BTo) of the second.</summary>
    private static List<(int AFrom, int ATo, int BFrom, int BTo)> Runs(List<(int Start, string Text)> a, List<(int Start, string Text)> b)
    {
        var kept = new List<(int A, int B)>();
        // What the whole comparison may spend, in line pairs compared and lines counted: text made to cut into one
        // stretch after another would otherwise cost time growing with the square of its length. Past it, a stretch
        // left to compare is replaced in one edit, as it always is when nothing anchors it.
        long work = 4 * MaxComparisons + 64L * (a.Count + b.Count);
        Match(a, b, 0, a.Count, 0, b.Count, kept, ref work, 0);
        // The runs are what lies between two lines both texts keep.
        var runs = new List<(int, int, int, int)>();
        int x = 0, y = 0;
        foreach (var (i, j) in kept)
        {
            if (i > x || j > y) runs.Add((x, i, y, j));
            x = i + 1;
            y = j + 1;
        }
        if (a.Count > x || b.Count > y) runs.Add((x, a.Count, y, b.Count));
        return runs;
    }

    /// <summary>Adds, in order, the lines of a[aFrom..aTo) and b[bFrom..bTo) that are kept: a longest common subsequence.</summary>
    private static void Match(List<(int Start, string Text)> a, List<(int Start, string Text)> b,
        int aFrom, int aTo, int bFrom, int bTo, List<(int A, int B)> kept, ref long work, int depth)
    {
        while (aFrom < aTo && bFrom < bTo && a[aFrom].Text == b[bFrom].Text) kept.Add((aFrom++, bFrom++));
        int suffix = 0;
        while (aTo - suffix > aFrom && bTo - suffix > bFrom && a[aTo - suffix - 1].Text == b[bTo - suffix - 1].Text) suffix++;
        aTo -= suffix;
        bTo -= suffix;
        int n = aTo - aFrom, m = bTo - bFrom;
        if (n > 0 && m > 0)
        {
            if ((long)n * m <= MaxComparisons)
            {
                if ((long)n * m <= work)
                {
                    work -= (long)n * m;
                    Compare(a, b, aFrom, bFrom, n, m, kept);
                }
            }
            // (A stretch cut in pieces is cut again at most so many times deep: the stack is a thread's, not the text's.)
            else if (LineCost * (n + m) <= work && depth < MaxDepth)
            {
                // Too long to compare every line with every line: the lines found once in each text (an event's id line) are
                // matched first, the longest run of them in the same order in both, and the stretch between two of them is
                // compared on its own. Without such lines the stretch is replaced in one edit.
                work -= LineCost * (n + m);
                int pa = aFrom, pb = bFrom;
                foreach (var (i, j) in UniqueInOrder(a, b, aFrom, aTo, bFrom, bTo))
                {
                    Match(a, b, pa, i, pb, j, kept, ref work, depth + 1);
                    kept.Add((i, j));
                    pa = i + 1;
                    pb = j + 1;
                }
                if (pa > aFrom) Match(a, b, pa, aTo, pb, bTo, kept, ref work, depth + 1);
            }
        }
        for (int k = 0; k < suffix; k++) kept.Add((aTo + k, bTo + k));
    }

    /// <summary>A longest common subsequence of a[aFrom..aFrom+n) and b[bFrom..bFrom+m), compared line by line.</summary>
    private static void Compare(List<(int Start, string Text)> a, List<(int Start, string Text)> b,
        int aFrom, int bFrom, int n, int m, List<(int A, int B)> kept)
    {
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = a[aFrom + i].Text == b[bFrom + j].Text ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[aFrom + x].Text == b[bFrom + y].Text) kept.Add((aFrom + x++, bFrom + y++));
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) x++;
            else y++;
        }
    }

    /// <summary>
    /// The lines that occur once in each stretch, as (line in a, line in b): the longest chain of them in the same
    /// order in both (patience sorting), in order.
    /// </summary>
    private static List<(int A, int B)> UniqueInOrder(List<(int Start, string Text)> a, List<(int Start, string Text)> b,
        int aFrom, int aTo, int bFrom, int bTo)
    {
        var seen = new Dictionary<string, (int InA, int AtA, int InB, int AtB)>(StringComparer.Ordinal);
        for (int i = aFrom; i < aTo; i++)
        {
            seen.TryGetValue(a[i].Text, out var c);
            seen[a[i].Text] = (c.InA + 1, i, c.InB, c.AtB);
        }
        for (int j = bFrom; j < bTo; j++)
            if (seen.TryGetValue(b[j].Text, out var c)) seen[b[j].Text] = (c.InA, c.AtA, c.InB + 1, j);
        var pairs = new List<(int A, int B)>();
        foreach (var c in seen.Values) if (c.InA == 1 && c.InB == 1) pairs.Add((c.AtA, c.AtB));
        pairs.Sort((p, q) => p.A.CompareTo(q.A));
        // Patience sorting: tops[k] ends the best chain of length k + 1 found so far; before[i] is the pair before pair i.
        var tops = new List<int>();
        var before = new int[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            int lo = 0, hi = tops.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (pairs[tops[mid]].B < pairs[i].B) lo = mid + 1;
                else hi = mid;
            }
            before[i] = lo > 0 ? tops[lo - 1] : -1;
            if (lo == tops.Count) tops.Add(i);
            else tops[lo] = i;
        }
        var chain = new List<(int A, int B)>(tops.Count);
        for (int i = tops.Count > 0 ? tops[^1] : -1; i >= 0; i = before[i]) chain.Add(pairs[i]);
        chain.Reverse();
        return chain;
    }

    /// <summary>The text with non-overlapping edits applied.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        int at = 0;
        foreach (var e in edits.OrderBy(e => e.Span.Start))
        {
            sb.Append(text, at, e.Span.Start - at).Append(e.NewText);
            at = e.Span.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    private static TextEdit Replace(
        List<(int Start, string Text)> a, List<(int Start, string Text)> b, int aFrom, int aTo, int bFrom, int bTo, int length)
    {
        int start = aFrom < a.Count ? a[aFrom].Start : length;
        int end = aTo < a.Count ? a[aTo].Start : length;
        return new TextEdit(new TextSpan(start, end), string.Concat(b.Skip(bFrom).Take(bTo - bFrom).Select(l => l.Text)));
    }

    /// <summary>The lines of a text, each with its line break, and where each starts.</summary>
    private static List<(int Start, string Text)> Lines(string text)
    {
        var lines = new List<(int, string)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            else if (text[i] is not ('\n' or '\r')) continue;
            lines.Add((start, text[start..(i + 1)]));
            start = i + 1;
        }
        if (start < text.Length) lines.Add((start, text[start..]));
        return lines;
    }
}
