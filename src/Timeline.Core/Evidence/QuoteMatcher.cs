using System.Buffers;
using System.Text;
using Timeline.Core.Text;

namespace Timeline.Core.Evidence;

/// <summary>
/// Finds quotes in one snapshot. Built once per snapshot (tokens, their paragraphs, an index from
/// case-folded word to positions), then queried from any number of threads: it is immutable.
/// </summary>
/// <remarks>
/// The matching rules: whitespace and line breaks, the kind of quotation mark or apostrophe
/// (' ’ ‘ " “ ” « ») and the kind of hyphen or dash (- ‐ ‑ – — −) make no difference; everything else
/// must be the same (case, spelling, digits, punctuation). A quote matches whole words only. An ellipsis
/// (<c>...</c>, <c>…</c>, <c>[…]</c>, <c>[...]</c>) matches any gap, none included, within one paragraph;
/// a bracketed insertion (<c>[the army]</c>) matches up to six words of the snapshot, or none, within one
/// paragraph. Gaps at the start or end of a quote are ignored. The words between gaps may run across a
/// paragraph break, as they are the snapshot's words in order.
/// </remarks>
public sealed class QuoteMatcher
{
    /// <summary>How many snapshot words a bracketed insertion may stand for.</summary>
    public const int InsertionWords = 6;

    /// <summary>Past this many tokens a quote is not aligned with passages (the alignment grows with the square of its length).</summary>
    private const int MaxAlignedTokens = 600;

    /// <summary>How many attempts one lookup may make before it gives up (only a contrived quote comes near).</summary>
    private const int StepBudget = 200_000;

    private readonly string _text;
    private readonly EvidenceToken[] _tokens;
    private readonly int[] _paragraph;     // each token's paragraph
    private readonly int[] _wordsBefore;   // how many word tokens come before each token (and, at the end, in all)
    private readonly int[] _wordTokens;    // the token index of each word
    private readonly Dictionary<string, int[]> _positions;  // case-folded word -> token indices, ascending

    /// <summary>Indexes a snapshot.</summary>
    public QuoteMatcher(SnapshotText snapshot)
    {
        Snapshot = snapshot;
        _text = snapshot.Text;
        var tokens = new List<EvidenceToken>(_text.Length / 5);
        var paragraphs = new List<int>(_text.Length / 5);
        for (int p = 0; p < snapshot.Paragraphs.Count; p++)
        {
            var span = snapshot.Paragraphs[p];
            int before = tokens.Count;
            EvidenceTokens.Tokenize(_text, span.Start, span.End, tokens);
            for (int k = before; k < tokens.Count; k++) paragraphs.Add(p);
        }
        _tokens = tokens.ToArray();
        _paragraph = paragraphs.ToArray();
        _wordsBefore = new int[_tokens.Length + 1];
        var words = new List<int>(_tokens.Length);
        var lists = new Dictionary<string, List<int>>();
        for (int k = 0; k < _tokens.Length; k++)
        {
            _wordsBefore[k] = words.Count;
            if (!_tokens[k].IsWord) continue;
            words.Add(k);
            string key = EvidenceTokens.Key(_text, _tokens[k]);
            if (!lists.TryGetValue(key, out var list)) lists[key] = list = new List<int>(2);
            list.Add(k);
        }
        _wordsBefore[_tokens.Length] = words.Count;
        _wordTokens = words.ToArray();
        _positions = new Dictionary<string, int[]>(lists.Count);
        foreach (var (key, list) in lists) _positions[key] = list.ToArray();
    }

    /// <summary>The snapshot this matcher looks in.</summary>
    public SnapshotText Snapshot { get; }

    /// <summary>How many words the snapshot has.</summary>
    public int WordCount => _wordTokens.Length;

    /// <summary>Looks for a quote; when it is not there, finds the closest passage and how it differs.</summary>
    public QuoteMatch Find(string quote)
    {
        var parsed = ParsedQuote.Parse(quote);
        if (parsed.Literals.Length == 0) return QuoteMatch.Empty;
        var span = FindExact(parsed);
        if (span is { } s) return QuoteMatch.Match(s, _text[s.Start..s.End]);
        return Closest(parsed);
    }

    // ---- exact matching ----

    private TextSpan? FindExact(ParsedQuote q)
    {
        var first = q.Literals[0];
        int anchor = -1;
        int[]? candidates = null;
        for (int k = 0; k < first.Length; k++)
        {
            if (!first[k].IsWord) continue;
            if (!_positions.TryGetValue(EvidenceTokens.Key(q.Text, first[k]), out var at)) return null;
            if (candidates is null || at.Length < candidates.Length) { candidates = at; anchor = k; }
        }
        // A word the snapshot does not have at all rules the quote out at once.
        for (int l = 1; l < q.Literals.Length; l++)
            foreach (var t in q.Literals[l])
                if (t.IsWord && !_positions.ContainsKey(EvidenceTokens.Key(q.Text, t))) return null;
        int steps = 0;
        if (candidates is null)
        {
            // A quote of punctuation only: try every position.
            for (int start = 0; start + first.Length <= _tokens.Length; start++)
                if (TryAt(q, start, ref steps) is { } found) return found;
            return null;
        }
        foreach (int at in candidates)
        {
            int start = at - anchor;
            if (start < 0) continue;
            if (TryAt(q, start, ref steps) is { } found) return found;
            if (steps > StepBudget) break;
        }
        return null;
    }

    /// <summary>
    /// Matches the quote with its first literal at token <paramref name="start"/>. Later literals are placed one by one
    /// after the gap before each (within its paragraph, within its word limit), backtracking to the next place for an
    /// earlier literal when a later one fails; an explicit stack, so a quote of many gaps cannot exhaust the call stack.
    /// </summary>
    private TextSpan? TryAt(ParsedQuote q, int start, ref int steps)
    {
        if (!LiteralAt(q, 0, start)) return null;
        int count = q.Literals.Length;
        var placed = new int[count];   // where each literal placed so far starts
        var next = new int[count];     // where to look next for each literal
        placed[0] = start;
        int literal = 1;
        if (count > 1) next[1] = start + q.Literals[0].Length;
        while (literal < count)
        {
            int after = placed[literal - 1] + q.Literals[literal - 1].Length;
            int found = -1;
            for (int at = next[literal]; at < _tokens.Length && _paragraph[at] == _paragraph[after - 1]; at++)
            {
                if (++steps > StepBudget) return null;
                if (_wordsBefore[at] - _wordsBefore[after] > q.GapWords[literal - 1]) break;
                if (LiteralAt(q, literal, at)) { found = at; break; }
            }
            if (found >= 0)
            {
                placed[literal] = found;
                next[literal] = found + 1;
                if (++literal < count) next[literal] = found + q.Literals[literal - 1].Length;
            }
            else if (--literal == 0) return null;
        }
        int end = placed[count - 1] + q.Literals[count - 1].Length;
        return new TextSpan(_tokens[start].Start, _tokens[end - 1].End);
    }

    private bool LiteralAt(ParsedQuote q, int literal, int start)
    {
        var lit = q.Literals[literal];
        if (start + lit.Length > _tokens.Length) return false;
        for (int k = 0; k < lit.Length; k++)
            if (!EvidenceTokens.Same(q.Text, lit[k], _text, _tokens[start + k])) return false;
        return true;
    }

    // ---- the closest passage ----

    private QuoteMatch Closest(ParsedQuote q)
    {
        int quoteWords = q.WordCount;
        if (quoteWords == 0 || _wordTokens.Length == 0) return QuoteMatch.NothingClose;
        if (q.Items.Length > MaxAlignedTokens) return QuoteMatch.TooLong;
        int window = quoteWords + Math.Max(3, quoteWords / 4) + (q.HasEllipsis ? quoteWords : 0);
        var starts = CandidateWindows(q, window);
        Alignment? best = null;
        foreach (int startWord in starts)
        {
            int margin = quoteWords / 2 + 2;
            int fromWord = Math.Max(0, startWord - margin);
            int toWord = Math.Min(_wordTokens.Length - 1, startWord + window + margin);
            int from = _wordTokens[fromWord];
            int to = toWord + 1 < _wordTokens.Length ? _wordTokens[toWord + 1] : _tokens.Length;
            var a = Align(q, from, to, anchored: false);
            if (best is null || a.Cost < best.Cost || (a.Cost == best.Cost && a.SameWords > best.SameWords)) best = a;
        }
        if (best is null || best.SameWords < Math.Max(1, (quoteWords + 2) / 3)) return QuoteMatch.NothingClose;
        return Describe(q, TakeInQuoteWords(q, best));
    }

    /// <summary>
    /// Widens a closest passage over the quote's words that the alignment left out but that stand right before or after
    /// it (words out of order), and aligns the quote with the wider passage, so the passage is the one a reader would pick.
    /// </summary>
    private Alignment TakeInQuoteWords(ParsedQuote q, Alignment alignment)
    {
        var left = new Dictionary<string, int>();
        int first = -1, last = -1;
        foreach (var (op, qi, si) in alignment.Path)
        {
            if (si >= 0) { if (first < 0) first = si; last = si; }
            if (op is not (Op.QuoteOnly or Op.Change) || !q.Items[qi].Token.IsWord) continue;
            string key = EvidenceTokens.Key(q.Text, q.Items[qi].Token);
            left[key] = left.GetValueOrDefault(key) + 1;
        }
        if (first < 0 || left.Count == 0) return alignment;
        int from = Widen(left, first, -1), to = Widen(left, last, +1);
        return from == first && to == last ? alignment : Align(q, from, to + 1, anchored: true);
    }

    /// <summary>
    /// Steps from token <paramref name="edge"/> in <paramref name="direction"/> over punctuation and the bag's words,
    /// within the paragraph.
    /// </summary>
    private int Widen(Dictionary<string, int> bag, int edge, int direction)
    {
        int k = edge + direction;
        while (k >= 0 && k < _tokens.Length && _paragraph[k] == _paragraph[edge])
        {
            if (_tokens[k].IsWord)
            {
                string key = EvidenceTokens.Key(_text, _tokens[k]);
                if (bag.GetValueOrDefault(key) == 0) break;
                bag[key]--;
                edge = k;
            }
            k += direction;
        }
        return edge;
    }

    /// <summary>
    /// The starts (word numbers) of the few windows that hold the most of the quote's words, rare words weighing more:
    /// each distinct quote word counts once per window, so a passage with the words out of order scores as high as one in order.
    /// </summary>
    private List<int> CandidateWindows(ParsedQuote q, int window)
    {
        // The distinct quote words the snapshot has, with their positions, rare words weighing more.
        var distinct = new Dictionary<string, int[]>();
        foreach (var lit in q.Literals)
            foreach (var t in lit)
            {
                if (!t.IsWord) continue;
                string key = EvidenceTokens.Key(q.Text, t);
                if (_positions.TryGetValue(key, out var at)) distinct.TryAdd(key, at);
            }
        var weights = new double[distinct.Count];
        var hits = new (int Word, int Id)[distinct.Values.Sum(at => at.Length)];
        int id = 0, hitCount = 0;
        foreach (var at in distinct.Values)
        {
            weights[id] = Math.Log(1.0 + (double)_wordTokens.Length / at.Length);
            foreach (int token in at) hits[hitCount++] = (_wordsBefore[token], id);
            id++;
        }
        var result = new List<int>();
        if (hits.Length == 0) return result;
        Array.Sort(hits);   // by word number
        var inWindow = new int[weights.Length];
        var scored = new List<(double Score, int Start)>(hits.Length);
        double score = 0;
        int right = 0;
        for (int left = 0; left < hits.Length; left++)
        {
            while (right < hits.Length && hits[right].Word < hits[left].Word + window)
            {
                if (inWindow[hits[right].Id]++ == 0) score += weights[hits[right].Id];
                right++;
            }
            if (left == 0 || hits[left].Word != hits[left - 1].Word) scored.Add((score, hits[left].Word));
            if (--inWindow[hits[left].Id] == 0) score -= weights[hits[left].Id];
        }
        scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Start.CompareTo(b.Start));
        const int Candidates = 4;
        foreach (var (_, start) in scored)
        {
            if (result.Any(r => Math.Abs(r - start) < window)) continue;
            result.Add(start);
            if (result.Count == Candidates) break;
        }
        return result;
    }

    private enum Op : byte { Same, Change, QuoteOnly, SnapshotOnly, Elided }

    private sealed record Alignment(double Cost, int SameWords, List<(Op Op, int Quote, int Snapshot)> Path);

    /// <summary>
    /// Aligns the whole quote with the best stretch of tokens [from, to) of the snapshot (free snapshot tokens before
    /// and after): word edits cost 1, punctuation edits ½, a case-only difference ½; a gap of the quote takes snapshot tokens free.
    /// </summary>
    /// <param name="anchored">Align with all of [from, to): snapshot tokens at either end are not free.</param>
    private Alignment Align(ParsedQuote q, int from, int to, bool anchored)
    {
        int n = q.Items.Length, m = to - from;
        // The table comes from a pool: lookups run one after another on every thread that checks quotes.
        double[] table = ArrayPool<double>.Shared.Rent((n + 1) * (m + 1));
        try
        {
            Fill(q, from, m, anchored, table);
            return Trace(q, from, m, anchored, table);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(table);
        }
    }

    /// <summary>The cost table, row by row: cell (i, j) at i * (m + 1) + j.</summary>
    private void Fill(ParsedQuote q, int from, int m, bool anchored, double[] cost)
    {
        var items = q.Items;
        int n = items.Length, w = m + 1;
        cost[0] = 0;
        for (int j = 1; j <= m; j++) cost[j] = anchored ? cost[j - 1] + SnapshotOnly(_tokens[from + j - 1]) : 0;
        for (int i = 1; i <= n; i++)
        {
            var item = items[i - 1];
            int row = i * w, above = row - w;
            cost[row] = cost[above] + (item.IsGap ? 0 : QuoteOnly(item.Token));
            for (int j = 1; j <= m; j++)
            {
                if (item.IsGap) { cost[row + j] = Math.Min(cost[above + j], cost[row + j - 1]); continue; }
                var s = _tokens[from + j - 1];
                double diagonal = cost[above + j - 1] + Substitution(q.Text, item.Token, s);
                double up = cost[above + j] + QuoteOnly(item.Token);
                double left = cost[row + j - 1] + SnapshotOnly(s);
                cost[row + j] = Math.Min(diagonal, Math.Min(up, left));
            }
        }
    }

    /// <summary>Walks the table back from the best end to the quote's start, preferring a match or change to a word left out.</summary>
    private Alignment Trace(ParsedQuote q, int from, int m, bool anchored, double[] cost)
    {
        var items = q.Items;
        int n = items.Length, w = m + 1;
        int last = n * w;
        int end = anchored ? m : 0;
        if (!anchored) for (int j = 1; j <= m; j++) if (cost[last + j] < cost[last + end]) end = j;
        var path = new List<(Op, int, int)>();
        int sameWords = 0;
        int a = n, b = end;
        while (a > 0 || (anchored && b > 0))
        {
            if (a == 0) { path.Add((Op.SnapshotOnly, -1, from + b - 1)); b--; continue; }
            var item = items[a - 1];
            double here = cost[a * w + b];
            if (item.IsGap)
            {
                if (b > 0 && here == cost[a * w + b - 1] && here != cost[(a - 1) * w + b]) { path.Add((Op.Elided, a - 1, from + b - 1)); b--; }
                else a--;
                continue;
            }
            if (b > 0)
            {
                var s = _tokens[from + b - 1];
                double sub = Substitution(q.Text, item.Token, s);
                if (here == cost[(a - 1) * w + b - 1] + sub)
                {
                    bool same = sub == 0;
                    if (same && s.IsWord) sameWords++;
                    path.Add((same ? Op.Same : Op.Change, a - 1, from + b - 1));
                    a--; b--;
                    continue;
                }
                if (here == cost[a * w + b - 1] + SnapshotOnly(s)) { path.Add((Op.SnapshotOnly, a - 1, from + b - 1)); b--; continue; }
            }
            path.Add((Op.QuoteOnly, a - 1, -1));
            a--;
        }
        path.Reverse();
        return new Alignment(cost[last + end], sameWords, path);
    }

    // Leaving out a quote word costs a little more than changing it, and passing over a snapshot word a little less,
    // so that of two alignments otherwise equal the one that reaches further into the snapshot's words wins.
    private static double QuoteOnly(EvidenceToken t) => t.IsWord ? 1.1 : 0.55;

    private static double SnapshotOnly(EvidenceToken t) => t.IsWord ? 0.9 : 0.45;

    private double Substitution(string quote, EvidenceToken qt, EvidenceToken st)
    {
        if (EvidenceTokens.Same(quote, qt, _text, st)) return 0;
        if (EvidenceTokens.SameIgnoringCase(quote, qt, _text, st)) return 0.5;
        return qt.IsWord && st.IsWord ? 1 : 1.5;
    }

    /// <summary>Turns an alignment into the passage, the diff runs and the sentence.</summary>
    private QuoteMatch Describe(ParsedQuote q, Alignment alignment)
    {
        var path = alignment.Path;
        int first = -1, last = -1;
        foreach (var (_, _, s) in path)
            if (s >= 0) { if (first < 0) first = s; last = s; }
        if (first < 0) return QuoteMatch.NothingClose;
        var passage = new TextSpan(_tokens[first].Start, _tokens[last].End);
        var runs = new List<DiffRun>();
        var changes = new List<string>();
        int k = 0;
        while (k < path.Count)
        {
            var op = path[k].Op;
            if (op is Op.Same or Op.Elided)
            {
                int e = k;
                while (e + 1 < path.Count && path[e + 1].Op == op) e++;
                runs.Add(new DiffRun(op == Op.Same ? DiffKind.Same : DiffKind.Elided, SnapshotSlice(path[k].Snapshot, path[e].Snapshot)));
                k = e + 1;
                continue;
            }
            int end = k;
            while (end + 1 < path.Count && path[end + 1].Op is Op.Change or Op.QuoteOnly or Op.SnapshotOnly) end++;
            int q0 = -1, q1 = -1, s0 = -1, s1 = -1;
            for (int x = k; x <= end; x++)
            {
                var (o, qi, si) = path[x];
                if (o != Op.SnapshotOnly) { if (q0 < 0) q0 = qi; q1 = qi; }
                if (o != Op.QuoteOnly) { if (s0 < 0) s0 = si; s1 = si; }
            }
            string quoteSide = q0 < 0 ? "" : QuoteSlice(q, q0, q1);
            string snapshotSide = s0 < 0 ? "" : SnapshotSlice(s0, s1);
            if (quoteSide.Length > 0) runs.Add(new DiffRun(DiffKind.OnlyInQuote, quoteSide));
            if (snapshotSide.Length > 0) runs.Add(new DiffRun(DiffKind.OnlyInSnapshot, snapshotSide));
            changes.Add(Sentence(q, path, k, end, quoteSide, snapshotSide));
            k = end + 1;
        }
        string difference = changes.Count switch
        {
            0 when _paragraph[first] != _paragraph[last] => "the quote's gap runs across a paragraph break of the snapshot",
            0 => $"a bracketed insertion of the quote stands for more than {InsertionWords} words of the snapshot",
            1 => changes[0],
            2 => $"{changes[0]}; {changes[1]}",
            _ => $"{changes[0]}; {changes[1]} (and {changes.Count - 2} more difference{(changes.Count == 3 ? "" : "s")})",
        };
        return new QuoteMatch(false, passage, _text[passage.Start..passage.End], runs, difference);
    }

    /// <summary>
    /// "the snapshot has 'X' where the quote has 'Y'". A word left out or added is shown with up to two words that
    /// follow it in both (or, at the end, precede it), so that the sentence shows where it goes.
    /// </summary>
    private string Sentence(ParsedQuote q, List<(Op Op, int Quote, int Snapshot)> path, int start, int end, string quoteSide, string snapshotSide)
    {
        if (quoteSide.Length == 0 || snapshotSide.Length == 0)
        {
            int after = end + 1, words = 0, stop = -1;
            while (after < path.Count && path[after].Op == Op.Same && words < 2)
            {
                if (_tokens[path[after].Snapshot].IsWord) words++;
                stop = after++;
            }
            if (stop >= 0)
            {
                string qContext = QuoteSlice(q, path[end + 1].Quote, path[stop].Quote);
                string sContext = SnapshotSlice(path[end + 1].Snapshot, path[stop].Snapshot);
                quoteSide = Join(quoteSide, qContext);
                snapshotSide = Join(snapshotSide, sContext);
            }
            else
            {
                int before = start - 1;
                words = 0;
                while (before >= 0 && path[before].Op == Op.Same && words < 2)
                {
                    if (_tokens[path[before].Snapshot].IsWord) words++;
                    stop = before--;
                }
                if (stop >= 0)
                {
                    quoteSide = Join(QuoteSlice(q, path[stop].Quote, path[start - 1].Quote), quoteSide);
                    snapshotSide = Join(SnapshotSlice(path[stop].Snapshot, path[start - 1].Snapshot), snapshotSide);
                }
            }
        }
        if (quoteSide.Length == 0) return $"the snapshot has '{snapshotSide}' where the quote has nothing";
        if (snapshotSide.Length == 0) return $"the quote has '{quoteSide}', which the snapshot does not";
        return $"the snapshot has '{snapshotSide}' where the quote has '{quoteSide}'";
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + " " + b;

    private string SnapshotSlice(int firstToken, int lastToken) => Collapse(_text, _tokens[firstToken].Start, _tokens[lastToken].End);

    private static string QuoteSlice(ParsedQuote q, int firstItem, int lastItem) =>
        Collapse(q.Text, q.Items[firstItem].Token.Start, q.Items[lastItem].Token.End);

    /// <summary>A slice with its whitespace collapsed to single spaces, for a one-line message.</summary>
    private static string Collapse(string text, int start, int end)
    {
        var b = new StringBuilder(end - start);
        bool space = false;
        for (int i = start; i < end; i++)
        {
            if (char.IsWhiteSpace(text[i])) { space = true; continue; }
            if (space && b.Length > 0) b.Append(' ');
            space = false;
            b.Append(text[i]);
        }
        return b.ToString();
    }

    /// <summary>A quote read into literal runs of tokens and the gaps between them.</summary>
    private sealed class ParsedQuote
    {
        public required string Text { get; init; }
        /// <summary>The runs of tokens to match word for word, in order.</summary>
        public required EvidenceToken[][] Literals { get; init; }
        /// <summary>The most snapshot words the gap before literal i+1 may take (int.MaxValue for an ellipsis).</summary>
        public required int[] GapWords { get; init; }
        /// <summary>Tokens and gaps in order, for alignment (a gap's token is the gap's own text).</summary>
        public required (bool IsGap, EvidenceToken Token)[] Items { get; init; }
        public bool HasEllipsis => GapWords.Any(g => g == int.MaxValue);
        public int WordCount => Literals.Sum(l => l.Count(t => t.IsWord));

        public static ParsedQuote Parse(string quote)
        {
            var tokens = new List<EvidenceToken>();
            EvidenceTokens.Tokenize(quote, 0, quote.Length, tokens);
            var literals = new List<EvidenceToken[]>();
            var gaps = new List<int>();
            var items = new List<(bool, EvidenceToken)>();
            var current = new List<EvidenceToken>();
            int pendingGap = -1;  // -1: none; else the words the gap may take
            int k = 0;
            while (k < tokens.Count)
            {
                if (GapAt(quote, tokens, k, out int next, out int gapWords))
                {
                    if (current.Count > 0) { literals.Add(current.ToArray()); current.Clear(); }
                    if (literals.Count > 0)
                    {
                        pendingGap = pendingGap < 0 ? gapWords
                            : pendingGap == int.MaxValue || gapWords == int.MaxValue ? int.MaxValue : pendingGap + gapWords;
                        items.Add((true, new EvidenceToken(tokens[k].Start, tokens[next - 1].End - tokens[k].Start, false)));
                    }
                    k = next;
                    continue;
                }
                if (current.Count == 0 && literals.Count > 0) gaps.Add(pendingGap);
                pendingGap = -1;
                current.Add(tokens[k]);
                items.Add((false, tokens[k]));
                k++;
            }
            if (current.Count > 0) literals.Add(current.ToArray());
            // Drop gap items after the last literal (a trailing gap is ignored).
            while (items.Count > 0 && items[^1].Item1) items.RemoveAt(items.Count - 1);
            return new ParsedQuote { Text = quote, Literals = literals.ToArray(), GapWords = gaps.ToArray(), Items = items.ToArray() };
        }

        /// <summary>An ellipsis (…, ..., […], [...]) or a bracketed insertion starting at token k.</summary>
        private static bool GapAt(string quote, List<EvidenceToken> tokens, int k, out int next, out int gapWords)
        {
            next = k + 1;
            gapWords = int.MaxValue;
            char c = quote[tokens[k].Start];
            if (c == '…') return true;
            if (c == '.' && Dots(quote, tokens, k) is var dots and >= 3) { next = k + dots; return true; }
            if (c != '[') return false;
            int close = k + 1;
            while (close < tokens.Count && quote[tokens[close].Start] is not ('[' or ']')) close++;
            if (close == tokens.Count || quote[tokens[close].Start] != ']') return false;
            next = close + 1;
            bool ellipsis = close == k + 2 && quote[tokens[k + 1].Start] == '…'
                || close > k + 1 && Dots(quote, tokens, k + 1) == close - k - 1 && close - k - 1 >= 3;
            gapWords = ellipsis ? int.MaxValue : InsertionWords;
            return true;
        }

        /// <summary>How many '.' tokens follow each other without a space from token k.</summary>
        private static int Dots(string quote, List<EvidenceToken> tokens, int k)
        {
            int n = 0;
            while (k + n < tokens.Count && quote[tokens[k + n].Start] == '.' && (n == 0 || tokens[k + n].Start == tokens[k + n - 1].End)) n++;
            return n;
        }
    }
}
