using System.Security.Cryptography;
using System.Text;
using Timeline.Core.Export;

namespace Timeline.Core.Tests.Export;

/// <summary>The page's nonce, digested over the body's pieces, is the digest of the page made whole.</summary>
public class PageNonceTests
{
    private static string Whole(string body) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body + HtmlExporter.Css + HtmlExporter.Script)))[..24]
            .Replace('+', '-').Replace('/', '_');

    [Fact]
    public void A_character_split_between_two_pieces_is_digested_whole()
    {
        // A builder of one character's room: every Append past it starts a piece of its own, here between the two
        // halves of an emoji, and between Arabic letters.
        var body = new StringBuilder(1);
        foreach (char ch in "<p>حلب 🚀 \uD800 end</p>") body.Append(ch);
        int pieces = 0;
        foreach (var _ in body.GetChunks()) pieces++;
        Assert.True(pieces > 1);
        Assert.Equal(Whole(body.ToString()), HtmlExporter.Nonce(body));
    }

    [Fact]
    public void A_long_body_is_digested_as_one_text()
    {
        var body = new StringBuilder();
        for (int i = 0; i < 20_000; i++) body.Append("<li>événement ").Append(i).Append(" 🚀</li>\n");
        Assert.Equal(Whole(body.ToString()), HtmlExporter.Nonce(body));
    }
}
