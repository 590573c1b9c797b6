using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.LanguageServer.Protocol;

/// <summary>
/// Reads a string that may be a whole document (didOpen's text, a change's): its escapes undone and its UTF-8 decoded
/// straight into the string. System.Text.Json decodes into a buffer first, then copies: ~5 ms of an editor's first
/// document of 2.7 MB, on the way to its first diagnostics. Written as any string.
/// </summary>
public sealed class DocumentTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Anything but an escaped string in one piece goes the usual way (which also says what is wrong with a non-string).
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || !reader.ValueIsEscaped)
            return reader.GetString()!;
        try
        {
            return Unescape(reader.ValueSpan);
        }
        catch (DecoderFallbackException e)
        {
            // As the serialiser refuses it: text that is not UTF-8 is not read as something else.
            throw new JsonException("The text is not valid UTF-8.", e);
        }
    }

    // Bytes that are not UTF-8 throw (DecoderFallbackException), as reader.GetString() refuses them.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>
    /// The value of a JSON string from its bytes between the quotes, whose escapes the reader validated: runs of UTF-8
    /// between escapes, each escape one UTF-16 unit (a character beyond the BMP is written as two).
    /// </summary>
    internal static string Unescape(ReadOnlySpan<byte> escaped)
    {
        int length = 0;
        for (var rest = escaped; ;)
        {
            int slash = rest.IndexOf((byte)'\\');
            length += Strict.GetCharCount(slash < 0 ? rest : rest[..slash]);
            if (slash < 0) break;
            length++;
            rest = rest[(slash + EscapeLength(rest[slash + 1]))..];
        }
        return string.Create(length, escaped, Fill);
    }

    private static void Fill(Span<char> into, ReadOnlySpan<byte> escaped)
    {
        for (var rest = escaped; ;)
        {
            int slash = rest.IndexOf((byte)'\\');
            int written = Strict.GetChars(slash < 0 ? rest : rest[..slash], into);
            into = into[written..];
            if (slash < 0) return;
            byte kind = rest[slash + 1];
            into[0] = kind switch
            {
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'u' => (char)Hex(rest.Slice(slash + 2, 4)),
                _ => (char)kind, // \" \\ \/
            };
            into = into[1..];
            rest = rest[(slash + EscapeLength(kind))..];
        }
    }

    private static int EscapeLength(byte kind) => kind == (byte)'u' ? 6 : 2;

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte d in digits)
            value = (value << 4) | (d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
        return value;
    }
}
