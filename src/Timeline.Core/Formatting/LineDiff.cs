using Timeline.Core.Checks;
using Timeline.Core.Text;

namespace Timeline.Core.Formatting;

/// <summary>
/// The smallest line edits that turn one text into another: lines both keep are left alone, so an
/// editor's marks, folds and undo history stay where they were.
/// </summary>
public static class LineDiff
{
    /// <summary>Above this many line pairs the changed middle is replaced in one edit rather than compared line by line.</summary>
    private const long MaxComparisons = 4_000_000;

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
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix].Text == b[prefix].Text) prefix++;
        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)].Text == b[^(suffix + 1)].Text) suffix++;
        int n = a.Count - prefix - suffix, m = b.Count - prefix - suffix;
        var runs = new List<(int, int, int, int)>();
        if (n == 0 && m == 0) return runs;
        if ((long)n * m > MaxComparisons)
        {
            runs.Add((prefix, prefix + n, prefix, prefix + m));
            return runs;
        }
        // Longest common subsequence of the middle lines, then one run per stretch of differences.
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = a[prefix + i].Text == b[prefix + j].Text ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x].Text == b[prefix + y].Text) { x++; y++; continue; }
            int x0 = x, y0 = y;
            while ((x < n || y < m) && !(x < n && y < m && a[prefix + x].Text == b[prefix + y].Text))
            {
                if (y >= m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1])) x++;
                else y++;
            }
            runs.Add((prefix + x0, prefix + x, prefix + y0, prefix + y));
        }
        return runs;
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
