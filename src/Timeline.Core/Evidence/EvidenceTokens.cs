using System.Globalization;
using System.Text;

namespace Timeline.Core.Evidence;

/// <summary>A token of a text read as evidence: a word or one punctuation mark (or symbol, such as an emoji).</summary>
/// <param name="Start">Offset of the token's first character.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="IsWord">True for a word (letters, digits and their marks), false for punctuation and symbols.</param>
internal readonly record struct EvidenceToken(int Start, int Length, bool IsWord)
{
    public int End => Start + Length;
}

/// <summary>
/// The one way evidence text is cut into tokens and compared. Whitespace only separates tokens.
/// Quotation marks and apostrophes of every kind count as one mark, hyphens and dashes as another
/// (a run of dashes, as in "--", is one token), so a quote typed with straight marks matches a page
/// set with typographic ones. Words compare exactly (case, digits, spelling).
/// </summary>
internal static class EvidenceTokens
{
    /// <summary>The mark every quotation mark and apostrophe folds to.</summary>
    public const char Quote = '"';

    /// <summary>The mark every hyphen and dash folds to.</summary>
    public const char Dash = '-';

    /// <summary>Folds the quotation-mark and dash variants; every other character is itself.</summary>
    public static char Fold(char c) => c switch
    {
        '\'' or '"' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
            or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '\u02BC' or '\u2032' or '\u2033' => Quote,
        '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => Dash,
        _ => c,
    };

    public static bool IsDash(char c) => Fold(c) == Dash;

    /// <summary>Letters, digits, combining marks and the joiners used inside Arabic and Persian words.</summary>
    public static bool IsWordChar(string text, int i)
    {
        char c = text[i];
        if (c < 128) return char.IsAsciiLetterOrDigit(c);
        if (c == '\u02BC') return false;   // the modifier-letter apostrophe is an apostrophe to a reader
        if (c is '\u200C' or '\u200D') return i > 0 && !char.IsSurrogate(text[i - 1]) && IsWordChar(text, i - 1);
        var category = char.IsSurrogate(c) && Rune.TryGetRuneAt(text, i, out var rune)
            ? Rune.GetUnicodeCategory(rune)
            : char.GetUnicodeCategory(c);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            _ => false,
        };
    }

    /// <summary>Characters that are neither text nor space: invisible format marks that a reader never sees.</summary>
    private static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF';

    /// <summary>Cuts <paramref name="text"/>[start, end) into tokens.</summary>
    public static void Tokenize(string text, int start, int end, List<EvidenceToken> into)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || IsIgnorable(c)) { i++; continue; }
            int s = i;
            if (IsWordChar(text, i))
            {
                while (i < end && IsWordChar(text, i)) i += char.IsSurrogate(text[i]) && i + 1 < end ? 2 : 1;
                into.Add(new EvidenceToken(s, i - s, true));
                continue;
            }
            if (IsDash(c))
            {
                while (i < end && IsDash(text[i])) i++;
                into.Add(new EvidenceToken(s, i - s, false));
                continue;
            }
            i += char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            i = SkipSymbolTail(text, i, end);
            into.Add(new EvidenceToken(s, i - s, false));
        }
    }

    /// <summary>An emoji is one token with its variation selector, skin tone and zero-width-joined parts.</summary>
    private static int SkipSymbolTail(string text, int i, int end)
    {
        while (i < end)
        {
            char c = text[i];
            if (c is '\uFE0E' or '\uFE0F' or '\u20E3') { i++; continue; }
            if (c == '\u200D' && i + 1 < end) { i += char.IsHighSurrogate(text[i + 1]) && i + 2 < end ? 3 : 2; continue; }
            if (char.IsHighSurrogate(c) && i + 1 < end && Rune.TryGetRuneAt(text, i, out var r) && r.Value is >= 0x1F3FB and <= 0x1F3FF)
            {
                i += 2;
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>True when two tokens are the same under the matching rules (exact words; folded marks).</summary>
    public static bool Same(string a, EvidenceToken ta, string b, EvidenceToken tb)
    {
        if (ta.IsWord != tb.IsWord) return false;
        if (ta.IsWord) return ta.Length == tb.Length && a.AsSpan(ta.Start, ta.Length).SequenceEqual(b.AsSpan(tb.Start, tb.Length));
        char fa = Fold(a[ta.Start]), fb = Fold(b[tb.Start]);
        if (fa == Dash || fb == Dash) return fa == fb;
        return ta.Length == tb.Length && fa == fb && a.AsSpan(ta.Start + 1, ta.Length - 1).SequenceEqual(b.AsSpan(tb.Start + 1, tb.Length - 1));
    }

    /// <summary>True when two words are the same but for case.</summary>
    public static bool SameIgnoringCase(string a, EvidenceToken ta, string b, EvidenceToken tb) =>
        ta.IsWord && tb.IsWord && a.AsSpan(ta.Start, ta.Length).Equals(b.AsSpan(tb.Start, tb.Length), StringComparison.OrdinalIgnoreCase);

    /// <summary>The key a word is indexed under: case-folded, so a closest passage is found whatever the case.</summary>
    public static string Key(string text, EvidenceToken t) => text.Substring(t.Start, t.Length).ToLowerInvariant();
}
