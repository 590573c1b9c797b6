using System.Globalization;
using System.Text;

namespace Timeline.Core.Names;

/// <summary>
/// The one name normaliser. Two names that differ only by case, diacritics, Arabic
/// spelling variants, articles (al-, el-, ad-…), the common English and French
/// transliteration variants (e/i, q/k, ou/u, -eh/-ah/-iya, dh/z, gh/g, kh/k, French ch/sh and dj/j),
/// doubled letters, hyphens, spaces, apostrophes or ayn/hamza marks get the same key.
/// </summary>
public static class NameNormalizer
{
    private static readonly string[] Articles = { "al", "el", "ad", "as", "at", "ash", "an", "ar", "az", "ed", "es",
        "et", "ech", "en", "er", "ez", "ul" };

    /// <summary>The key of a name: its words, normalised, joined by single spaces.</summary>
    public static string Key(string name) => string.Join(' ', Words(name));

    /// <summary>The key without spaces: "New Aleppo" and "NewAleppo" agree.</summary>
    public static string Compact(string name) => string.Concat(Words(name));

    public static IReadOnlyList<string> Words(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Array.Empty<string>();
        var words = new List<string>(2);
        AddWords(name, words);
        return words;
    }

    /// <summary>Words that make a name an area around a place ("Aleppo countryside", "rural Idlib", "northern Hama").</summary>
    private static readonly HashSet<string> AreaWords = AsWords(
        "countryside", "province", "governorate", "region", "rural", "outskirts", "suburbs", "area", "areas", "surroundings",
        "environs", "villages", "reef", "rif");

    /// <summary>Words of direction and position that narrow an area without naming a place.</summary>
    private static readonly HashSet<string> PositionWords = AsWords(
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northwest", "northeast", "southwest",
        "southeast", "northwestern", "northeastern", "southwestern", "southeastern", "central", "greater", "of", "the", "near",
        "around", "outside");

    /// <summary>Words as <see cref="Words"/> makes them (folded and transliterated), so that a phrase's words compare.</summary>
    private static HashSet<string> AsWords(params string[] words) => new(words.Select(w => Transliterate(w)), StringComparer.Ordinal);

    /// <summary>
    /// The place a phrase of area names ("Aleppo countryside" → "aleppo"), or null when it has no area word or nothing
    /// is left: for a did-you-mean that offers the place as an area.
    /// </summary>
    public static string? PlaceOfArea(string phrase)
    {
        var words = Words(phrase);
        if (!words.Any(AreaWords.Contains) && !words.Any(PositionWords.Contains)) return null;
        // The writer's own words that are left, as written (the index normalises them itself).
        var rest = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => Words(part) is var ws && !ws.All(w => AreaWords.Contains(w) || PositionWords.Contains(w))).ToList();
        return rest.Count == 0 ? null : string.Join(' ', rest);
    }

    /// <summary>
    /// The words of a query being typed: as <see cref="Words"/>, except that an article at the end
    /// ("Maarrat an", "Jisr al") is the start of the next word, not a word of its own.
    /// </summary>
    public static IReadOnlyList<string> QueryWords(string query)
    {
        if (string.IsNullOrWhiteSpace(query)) return Array.Empty<string>();
        var words = new List<string>(2);
        AddWords(query, words, trailingArticle: false);
        return words;
    }

    /// <summary>Adds the words of a name to a list (the same as <see cref="Words"/>, for callers that reuse one list).</summary>
    public static void AddWords(string name, List<string> words) => AddWords(name, words, trailingArticle: true);

    private static void AddWords(string name, List<string> words, bool trailingArticle)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        string folded = Fold(name);
        int before = words.Count;
        int i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i])) { i++; continue; }
            int start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i])) i++;
            var w = folded.AsSpan(start, i - start);
            // "al-Sham", "al Sham", "el-Bab": drop the article when another word follows.
            if ((i < folded.Length || (!trailingArticle && words.Count > before)) && IsArticle(w)) continue;
            words.Add(Transliterate(StripArabicArticle(w)));
        }
        if (words.Count == before)
        {
            // The name was only an article ("Al"); keep it rather than lose the name.
            foreach (var part in folded.Split(' ', '-')) if (part.Length > 0) words.Add(Transliterate(part));
        }
    }

    private static bool IsArticle(ReadOnlySpan<char> w)
    {
        if (w.Length is < 2 or > 3) return false;
        foreach (var a in Articles) if (w.SequenceEqual(a)) return true;
        return false;
    }

    /// <summary>Case, compatibility forms, diacritics, Arabic letter variants, apostrophes.</summary>
    public static string Fold(string s)
    {
        if (System.Text.Ascii.IsValid(s)) return FoldAscii(s);
        string d = WellFormed(s).Normalize(NormalizationForm.FormKD);
        Span<char> buffer = d.Length <= 256 ? stackalloc char[d.Length] : new char[d.Length];
        int n = 0;
        foreach (char ch in d)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (cat == UnicodeCategory.Format) continue; // RLM, LRM, ZWJ and the like
            char c = ch switch
            {
                'ı' => 'i',
                'ø' => 'o',
                'ł' => 'l',
                'đ' => 'd',
                'ß' => 's',
                'æ' => 'a',
                'œ' => 'o',
                // Arabic: alef forms, ta marbuta, alef maqsura, waw and ya with hamza.
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ة' => 'ه',
                'ى' => 'ي',
                'ؤ' => 'و',
                'ئ' => 'ي',
                'ک' => 'ك',
                'ی' => 'ي',
                _ => char.ToLowerInvariant(ch),
            };
            // Tatweel, hamza, apostrophes and ayn/hamza transliteration marks disappear.
            if (c is 'ـ' or 'ء' or '\'' or '’' or '‘' or 'ʿ' or 'ʾ' or '`' or 'ʼ' or 'ʻ' or '´') continue;
            buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }

    /// <summary>Fold for ASCII text, which no normalisation changes: lower case, without apostrophes and backticks.</summary>
    private static string FoldAscii(string s)
    {
        int keep = 0;
        foreach (char c in s) if (c is not ('\'' or '`')) keep++;
        bool changes = keep != s.Length;
        if (!changes) foreach (char c in s) if (c is >= 'A' and <= 'Z') { changes = true; break; }
        if (!changes) return s;
        return string.Create(keep, s, static (dst, src) =>
        {
            int j = 0;
            foreach (char c in src)
            {
                if (c is '\'' or '`') continue;
                dst[j++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });
    }

    /// <summary>The text with lone surrogates (which cannot be normalised) replaced by U+FFFD.</summary>
    public static string WellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (!char.IsSurrogate(s[i])) continue;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            var chars = s.ToCharArray();
            for (int j = i; j < chars.Length; j++)
            {
                if (char.IsHighSurrogate(chars[j]) && j + 1 < chars.Length && char.IsLowSurrogate(chars[j + 1])) { j++; continue; }
                if (char.IsSurrogate(chars[j])) chars[j] = '\uFFFD';
            }
            return new string(chars);
        }
        return s;
    }

    private static ReadOnlySpan<char> StripArabicArticle(ReadOnlySpan<char> w) =>
        w.Length > 3 && w[0] == 'ا' && w[1] == 'ل' ? w[2..] : w;

    /// <summary>Folds the common English and French transliteration variants of Arabic names.</summary>
    public static string Transliterate(string w) => Transliterate(w.AsSpan());

    public static string Transliterate(ReadOnlySpan<char> w)
    {
        if (w.Length == 0) return string.Empty;
        if (!System.Text.Ascii.IsValid(w)) return w.ToString();
        Span<char> buffer = w.Length <= 128 ? stackalloc char[w.Length] : new char[w.Length];
        int n = 0;
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            char next = i + 1 < w.Length ? w[i + 1] : '\0';
            char o;
            switch (c)
            {
                case 'o' when next == 'u': o = 'u'; i++; break;
                case 'd' when next == 'h': o = 'z'; i++; break;
                case 'g' when next == 'h': o = 'g'; i++; break;
                case 'k' when next == 'h': o = 'k'; i++; break;
                // French: "ch" for "sh" (Cheikh, Chaghour), "dj" for "j" (Djisr, Djebel).
                case 'c' when next == 'h': if (n == 0 || buffer[n - 1] != 's') buffer[n++] = 's'; o = 'h'; i++; break;
                case 'd' when next == 'j': o = 'j'; i++; break;
                case 'q': o = 'k'; break;
                case 'c' when next == 'k': continue;
                case 'e': o = 'i'; break;
                default: o = c; break;
            }
            // Doubled letters: "Zahraa" = "Zahra", "Hamdaniyya" = "Hamdaniya" (digits stay).
            if (n > 0 && buffer[n - 1] == o && !char.IsAsciiDigit(o)) continue;
            buffer[n++] = o;
        }
        var r = buffer[..n];
        // Endings: -iyeh, -iyah, -iya, -iyyah, -eh, -ah all become -iya / -a (e is already i).
        if (r.Length > 4)
        {
            if (r.EndsWith("iyih") || r.EndsWith("iyah")) return string.Concat(r[..^4], "iya");
            if (r.EndsWith("iyi")) return string.Concat(r[..^3], "iya");
            if (r.EndsWith("ih") || r.EndsWith("ah")) return string.Concat(r[..^2], "a");
        }
        return r.ToString();
    }

    /// <summary>
    /// The edit distance counting a swap of two neighbouring letters as one edit (optimal
    /// string alignment), giving up (returning max + 1) past <paramref name="max"/>.
    /// </summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        int w = b.Length + 1;
        Span<int> rows = w * 3 <= 768 ? stackalloc int[w * 3] : new int[w * 3];
        Span<int> prev2 = rows[..w], prev = rows.Slice(w, w), cur = rows.Slice(2 * w, w);
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return Math.Min(prev[b.Length], max + 1);
    }
}
