using System.Text;
using System.Text.RegularExpressions;

namespace Timeline.Core.Capture;

/// <summary>
/// Turns a page's bytes into text: a byte order mark first, then the charset of the answer's
/// header, then a <c>&lt;meta charset&gt;</c> near the top of the page, else UTF-8.
/// </summary>
public static partial class PageDecoder
{
    /// <summary>How far into a page its meta charset is looked for (the HTML standard's pre-scan reads 1024 bytes;
    /// pages often put it later).</summary>
    private const int PrescanBytes = 4096;

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    public static string Decode(byte[] bytes, string? headerCharset, bool isHtml)
    {
        var encoding = FromByteOrderMark(bytes, out int bomLength)
            ?? Named(headerCharset)
            ?? (isHtml ? Named(MetaCharsetOf(bytes)) : null)
            ?? Encoding.UTF8;
        return encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
    }

    /// <summary>The charset a page declares in a meta element, read from its first bytes as ASCII.</summary>
    public static string? MetaCharsetOf(byte[] bytes)
    {
        string head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, PrescanBytes));
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static Encoding? FromByteOrderMark(byte[] b, out int length)
    {
        (Encoding? e, length) = b switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return e;
    }

    /// <summary>An encoding by its label; as browsers do, Latin-1 and ASCII labels mean windows-1252. Unknown labels give null.</summary>
    private static Encoding? Named(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        string name = label.Trim().ToLowerInvariant();
        if (name is "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252") name = "windows-1252";
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
