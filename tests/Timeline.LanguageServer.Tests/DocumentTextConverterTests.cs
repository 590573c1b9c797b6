using System.Text;
using System.Text.Json;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Tests;

/// <summary>A document's text read from its message says what System.Text.Json's own reading says.</summary>
public sealed class DocumentTextConverterTests
{
    private static readonly JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("")]
    [InlineData("plain ascii, no escape")]
    [InlineData("title: \"Shelling\"\nevents:\r\n  - id: a\t# tab\\back/slash\b\f")]
    [InlineData("حلب — قصف 🚀 on the 3rd, é and ß\n")]
    [InlineData("\u0001\u001f control \u007f and \u2028 line separator")]
    [InlineData("emoji at the very end 🚀")]
    [InlineData("\n")]
    public void Reads_what_the_serialiser_reads(string text)
    {
        // Written both ways clients write: every non-ASCII character escaped (\uXXXX, surrogate pairs as two), or as UTF-8.
        Assert.Equal(text, Read(JsonSerializer.Serialize(text)));
        Assert.Equal(text, Read(JsonSerializer.Serialize(text, Relaxed)));
    }

    [Fact]
    public void Reads_escapes_in_either_case_and_a_solidus_escaped()
    {
        Assert.Equal("é/é\"\\", Read("\"\\u00E9\\/\\u00e9\\\"\\\\\""));
        Assert.Equal("🚀", Read("\"\\uD83D\\uDE80\""));
    }

    [Fact]
    public void A_lone_surrogate_escaped_is_kept_as_written()
    {
        // The serialiser refuses such a text (and the document was not opened); it is kept, as an editor holds it.
        Assert.Equal("a\uD800b", Read("\"a\\uD800b\""));
    }

    [Fact]
    public void Reads_random_text_as_the_serialiser_does()
    {
        var random = new Random(20261129);
        string alphabet = "abc xyz\n\r\t\"\\/\b\fحلب€ß🚀\u0000\u2028";
        for (int round = 0; round < 200; round++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 300);
            while (sb.Length < length)
            {
                int at = random.Next(alphabet.Length);
                // A surrogate pair goes whole.
                if (char.IsHighSurrogate(alphabet[at])) sb.Append(alphabet, at, 2);
                else if (!char.IsLowSurrogate(alphabet[at])) sb.Append(alphabet[at]);
            }
            string text = sb.ToString();
            Assert.Equal(text, Read(JsonSerializer.Serialize(text)));
            Assert.Equal(text, Read(JsonSerializer.Serialize(text, Relaxed)));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3, 0x62 })]             // a lead byte without its continuation
    [InlineData(new byte[] { 0xC0, 0xAF })]                   // an overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]             // a surrogate encoded
    [InlineData(new byte[] { 0x61, 0xE2, 0x82 })]             // cut short at the end
    public void Text_that_is_not_UTF8_is_refused_as_the_serialiser_refuses_it(byte[] bad)
    {
        // With an escape in it (most documents have a line break), and without.
        foreach (var json in new[] { [(byte)'"', .. bad, (byte)'\\', (byte)'n', (byte)'"'], (byte[])[(byte)'"', .. bad, (byte)'"'] })
        {
            var message = (byte[])[.. "{\"textDocument\": {\"uri\": \"file:///a.timeline.yaml\", \"version\": 1, \"text\": "u8, .. json, .. "}}"u8];
            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(message, LspJson.Default.DidOpenTextDocumentParams));
        }
    }

    [Fact]
    public void A_document_without_its_text_is_refused_as_before()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(
            """{"textDocument": {"uri": "file:///a.timeline.yaml", "version": 1, "text": null}}""",
            LspJson.Default.DidOpenTextDocumentParams));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(
            """{"textDocument": {"uri": "file:///a.timeline.yaml", "version": 1, "text": 12}}""",
            LspJson.Default.DidOpenTextDocumentParams));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(
            """{"textDocument": {"uri": "file:///a.timeline.yaml", "version": 1}}""",
            LspJson.Default.DidOpenTextDocumentParams));
    }

    [Fact]
    public void An_opened_document_and_a_change_are_read_through_it()
    {
        var open = JsonSerializer.Deserialize(
            """{"textDocument": {"uri": "file:///a.timeline.yaml", "version": 1, "text": "a:\n  \"b\" \u00e9"}}""",
            LspJson.Default.DidOpenTextDocumentParams)!;
        Assert.Equal("a:\n  \"b\" é", open.TextDocument.Text);
        var change = JsonSerializer.Deserialize(
            """{"textDocument": {"uri": "file:///a.timeline.yaml", "version": 2}, "contentChanges": [{"text": "x\ty"}]}""",
            LspJson.Default.DidChangeTextDocumentParams)!;
        Assert.Equal("x\ty", change.ContentChanges[0].Text);
    }

    // Through a JsonElement, as the server reads a message (the reader then holds the value in one piece).
    private static string Read(string json)
    {
        using var doc = JsonDocument.Parse($$"""{"text": {{json}}}""");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("text").GetRawText()));
        reader.Read();
        return new DocumentTextConverter().Read(ref reader, typeof(string), JsonSerializerOptions.Default);
    }
}
