using System.Text;
using Timeline.Core.Project;

namespace Timeline.Core.Tests.Unit;

/// <summary>
/// A file read in pieces (what a check does to every file of a project) is the text that decoding its bytes at once
/// gives: a BOM dropped, characters of several bytes split across the pieces, invalid bytes reported where they are.
/// </summary>
public sealed class TextDecodingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-decoding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static IEnumerable<object[]> Files()
    {
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        byte[] Bom(byte[] b) => [0xEF, 0xBB, 0xBF, .. b];
        var piece = 64 * 1024;
        yield return ["empty", Array.Empty<byte>()];
        yield return ["a BOM alone", Bom([])];
        yield return ["two bytes", Utf8("a\n")];
        yield return ["plain", Utf8("title: Aleppo\nevents: []\n")];
        yield return ["with a BOM", Bom(Utf8("title: حلب 😀\r\n"))];
        // Every offset of a four-byte and a two-byte character around the end of the first piece.
        for (int shift = 1; shift <= 4; shift++)
            yield return [$"split {shift}", Utf8(new string('a', piece - shift) + "😀ب" + new string('b', 10))];
        yield return ["long Arabic", Utf8(string.Concat(Enumerable.Repeat("مدينة حلب، ", 30000)))];
        var bad = Utf8("title: café\nevents: []\n");
        bad[10] = 0xFF;
        yield return ["invalid", bad];
        var badLate = Utf8(new string('a', piece + 5) + "é");
        badLate[^1] = 0x41;
        badLate[^2] = 0xC3; // a lead byte followed by no continuation
        yield return ["invalid after the first piece", badLate];
        yield return ["cut in the middle of a character", Utf8("abc😀")[..^2]];
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_read_in_pieces_is_its_bytes_decoded(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name.Replace(' ', '-') + ".yaml");
        File.WriteAllBytes(path, bytes);
        string expected = TextDecoding.Decode(bytes, out int expectedInvalid);
        var (text, invalid) = PhysicalFileSystem.Instance.ReadText(path);
        Assert.Equal(expected, text);
        Assert.Equal(expectedInvalid, invalid);
        // Read in pieces, not by the whole-file fallback, whenever the bytes are valid UTF-8.
        Assert.Equal(expectedInvalid < 0 ? expected : null, TextDecoding.TryReadValid(path));
    }
}
