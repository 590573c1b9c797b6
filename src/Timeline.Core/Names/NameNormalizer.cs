using System.Globalization;
using System.Text;

namespace Timeline.Core.Names;

/// <summary>
/// The one name normaliser. Two names that differ only by case, diacritics, Arabic
/// spelling variants, articles (al-, el-, ad-…), the common English and French
/// transliteration variants (e/i, q/k, ou/u, -eh/-ah/-iya, dh/z, gh/g, kh/k),
/// doubled letters, hyphens, spaces, apostrophes or ayn/hamza marks get the same key.
/// </summary>
public static class NameNormalizer
{
    private static readonly string[] Articles = { "al", "el", "ad", "as", "at", "ash", "an", "ar", "az", "ed", "es", "et", "ech", "en", "er", "ez", "ul" };

    /// <summary>The key of a name: its words, normalised, joined by single spaces.</summary>
    public static string Key(string name) => string.Join(' ', Words(name));

    /// <summary>The key without spaces: "New Aleppo" and "NewAleppo" agree.</summary>
    public static string Compact(string name) => string.Concat(Words(name));

    public static IReadOnlyList<string> Words(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Array.Empty<string>();
        var folded = Fold(name);
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i <= folded.Length; i++)
        {
            char c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c)) { current.Append(c); continue; }
            if (current.Length > 0)
            {
                string w = current.ToString();
                current.Clear();
                bool hyphen = c == '-';
                // "al-Sham", "al Sham", "el-Bab": drop the article when another word follows.
                if (Array.IndexOf(Articles, w) >= 0 && (hyphen || i < folded.Length)) continue;
                words.Add(Transliterate(StripArabicArticle(w)));
            }
        }
        if (words.Count == 0)
        {
            // The name was only an article ("Al"); keep it rather than lose the name.
            foreach (var part in folded.Split(' ', '-')) if (part.Length > 0) words.Add(Transliterate(part));
        }
        return words;
    }

    /// <summary>Case, compatibility forms, diacritics, Arabic letter variants, apostrophes.</summary>
    public static string Fold(string s)
    {
        string d = WellFormed(s).Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(d.Length);
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
            sb.Append(c);
        }
        return sb.ToString();
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

    private static string StripArabicArticle(string w) =>
        w.Length > 3 && w[0] == 'ا' && w[1] == 'ل' ? w[2..] : w;

    private static bool IsAsciiWord(string w)
    {
        foreach (char c in w) if (c > 127) return false;
        return true;
    }

    /// <summary>Folds the common English and French transliteration variants of Arabic names.</summary>
    public static string Transliterate(string w)
    {
        if (!IsAsciiWord(w) || w.Length == 0) return w;
        var sb = new StringBuilder(w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            char next = i + 1 < w.Length ? w[i + 1] : '\0';
            switch (c)
            {
                case 'o' when next == 'u': sb.Append('u'); i++; continue;
                case 'd' when next == 'h': sb.Append('z'); i++; continue;
                case 'g' when next == 'h': sb.Append('g'); i++; continue;
                case 'k' when next == 'h': sb.Append('k'); i++; continue;
                case 'q': sb.Append('k'); continue;
                case 'c' when next == 'k': continue;
                case 'e': sb.Append('i'); continue;
                default: sb.Append(c); continue;
            }
        }
        // Doubled letters: "Zahraa" = "Zahra", "Hamdaniyya" = "Hamdaniya".
        var collapsed = new StringBuilder(sb.Length);
        for (int i = 0; i < sb.Length; i++)
            if (i == 0 || sb[i] != sb[i - 1] || char.IsDigit(sb[i])) collapsed.Append(sb[i]);
        string r = collapsed.ToString();
        // Endings: -iyeh, -iyah, -iya, -iyyah, -eh, -ah all become -iya / -a (e is already i).
        if (r.Length > 4)
        {
            if (r.EndsWith("iyih", StringComparison.Ordinal) || r.EndsWith("iyah", StringComparison.Ordinal)) r = r[..^4] + "iya";
            else if (r.EndsWith("iyi", StringComparison.Ordinal)) r = r[..^3] + "iya";
            else if (r.EndsWith("ih", StringComparison.Ordinal) || r.EndsWith("ah", StringComparison.Ordinal)) r = r[..^2] + "a";
        }
        return r;
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
