using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Timeline.LanguageServer.JsonRpc;

/// <summary>A frame that could not be read: its headers were malformed or its body too large.</summary>
public class FramingException(string message) : Exception(message);

/// <summary>A frame whose body is over the limit: skipped, with its declared length and the first bytes of its body.</summary>
public sealed class OversizedMessageException(long length, int limit, byte[] prefix)
    : FramingException($"a message of {length} bytes, over the limit of {limit}")
{
    public long Length { get; } = length;

    /// <summary>The body's first bytes (at most <see cref="MessageReader.OversizedPrefixLength"/>), cut before a next frame's header.</summary>
    public ReadOnlyMemory<byte> Prefix { get; } = prefix;
}

/// <summary>
/// Reads Content-Length framed messages (the base protocol of LSP). Frames may arrive split
/// across reads or several in one read. A malformed header is reported and skipped; the
/// stream goes on.
/// </summary>
public sealed class MessageReader
{
    private readonly Stream _input;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;

    public MessageReader(Stream input, int maxContentLength = 64 * 1024 * 1024)
    {
        _input = input;
        MaxContentLength = maxContentLength;
    }

    public int MaxContentLength { get; }

    /// <summary>Told the length of each body within the limit once its header is read, before the body itself is.</summary>
    public Action<int>? BodyComing { get; set; }

    /// <summary>How much of an oversized body is kept (the rest is skipped as it streams, never held).</summary>
    public const int OversizedPrefixLength = 8 * 1024;

    /// <summary>
    /// The next message body, or null at the end of the stream. Throws <see cref="FramingException"/> for a bad
    /// frame (after skipping it), <see cref="OversizedMessageException"/> for one over the limit.
    /// </summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancel = default)
    {
        int? length = null;
        bool sawHeader = false;
        string? badHeader = null;
        while (true)
        {
            string? line = await ReadHeaderLineAsync(cancel).ConfigureAwait(false);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (!sawHeader) continue; // stray blank line between frames
                break;
            }
            sawHeader = true;
            int colon = line.IndexOf(':');
            if (colon <= 0) { badHeader ??= $"a header line without a colon: '{Trim(line)}'"; continue; }
            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) length = n;
                else if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)) length = int.MaxValue;
                else badHeader ??= $"Content-Length is not a number: '{Trim(value)}'";
            }
        }
        if (badHeader is not null && length is null) throw new FramingException(badHeader);
        if (length is null) throw new FramingException("a message without a Content-Length header");
        if (length > MaxContentLength)
        {
            byte[] prefix = await PeekPrefixAsync(Math.Min(length.Value, OversizedPrefixLength), cancel).ConfigureAwait(false);
            await SkipToNextHeaderAsync(length.Value, cancel).ConfigureAwait(false);
            throw new OversizedMessageException(length.Value, MaxContentLength, prefix);
        }
        BodyComing?.Invoke(length.Value);
        var body = new byte[length.Value];
        int filled = 0;
        while (filled < body.Length)
        {
            if (_start == _end && !await FillAsync(cancel).ConfigureAwait(false)) return null; // the stream ended mid-message
            int n = Math.Min(body.Length - filled, _end - _start);
            Buffer.BlockCopy(_buffer, _start, body, filled, n);
            _start += n;
            filled += n;
        }
        return body;
    }

    private static string Trim(string s) => s.Length > 60 ? s[..60] + "…" : s;

    private static readonly byte[] HeaderStart = "Content-Length:"u8.ToArray();

    /// <summary>
    /// Skips an over-long body, but stops at the next frame's header if one comes first: a body
    /// of JSON holds no raw line break inside a string, so "\nContent-Length:" is a new frame,
    /// and a lying length cannot swallow the rest of the stream.
    /// </summary>
    private async Task SkipToNextHeaderAsync(long length, CancellationToken cancel)
    {
        while (length > 0)
        {
            if (_start == _end && !await FillAsync(cancel).ConfigureAwait(false)) return;
            var span = _buffer.AsSpan(_start, _end - _start);
            for (int i = 0; i + 1 < span.Length; i++)
            {
                if (span[i] != (byte)'\n') continue;
                var rest = span[(i + 1)..];
                if (rest.Length >= HeaderStart.Length && rest[..HeaderStart.Length].SequenceEqual(HeaderStart))
                {
                    _start += i + 1;
                    return;
                }
            }
            // Keep the last bytes: a header may straddle two reads. A body that ends within what is read is skipped
            // whole at once, or the skip would wait for the next message before it ends.
            int keep = Math.Min(span.Length, HeaderStart.Length);
            int n = length <= span.Length ? (int)length : span.Length - keep;
            if (n <= 0)
            {
                if (!await FillAsync(cancel).ConfigureAwait(false)) { _start = _end; return; }
                continue;
            }
            _start += n;
            length -= n;
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> bytes of what comes next, left in the buffer (the skip that follows consumes them),
    /// and cut where a next frame's header begins, as <see cref="SkipToNextHeaderAsync"/> would stop there.
    /// </summary>
    private async Task<byte[]> PeekPrefixAsync(int count, CancellationToken cancel)
    {
        // A lying length may never be followed by that many bytes: what has come is enough once a next frame begins.
        while (_end - _start < count && NextHeader(_buffer.AsSpan(_start, _end - _start)) < 0
               && await FillAsync(cancel).ConfigureAwait(false)) { }
        var span = _buffer.AsSpan(_start, Math.Min(count, _end - _start));
        int next = NextHeader(span);
        return (next < 0 ? span : span[..next]).ToArray();
    }

    /// <summary>Where a next frame's header (or the start of one, at the end) begins in <paramref name="span"/>, or -1.</summary>
    private static int NextHeader(ReadOnlySpan<byte> span)
    {
        for (int i = 0; i + 1 < span.Length; i++)
        {
            if (span[i] == (byte)'\n' && span[(i + 1)..].StartsWith(HeaderStart.AsSpan(0, Math.Min(HeaderStart.Length, span.Length - i - 1))))
                return i;
        }
        return -1;
    }

    private async Task<bool> FillAsync(CancellationToken cancel)
    {
        if (_start == _end) _start = _end = 0;
        if (_end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        int n = await _input.ReadAsync(_buffer.AsMemory(_end), cancel).ConfigureAwait(false);
        if (n <= 0) return false;
        _end += n;
        return true;
    }

    /// <summary>A header line (ASCII, ending in CRLF or LF), or null at the end of the stream. Over-long lines are cut.</summary>
    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancel)
    {
        var sb = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancel).ConfigureAwait(false)) return sb.Length > 0 ? sb.ToString() : null;
            byte b = _buffer[_start++];
            if (b == (byte)'\n')
            {
                if (sb.Length > 0 && sb[^1] == '\r') sb.Length--;
                return sb.ToString();
            }
            if (sb.Length < 8192) sb.Append((char)b);
        }
    }
}

/// <summary>Writes Content-Length framed messages; one writer at a time.</summary>
[SuppressMessage("Design", "CA1001", Justification = "It lives as long as its connection, which owns no stream either")]
public sealed class MessageWriter
{
    private readonly Stream _output;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public MessageWriter(Stream output) => _output = output;

    public async Task WriteAsync(ReadOnlyMemory<byte> body, CancellationToken cancel = default)
    {
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _lock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(header, cancel).ConfigureAwait(false);
            await _output.WriteAsync(body, cancel).ConfigureAwait(false);
            await _output.FlushAsync(cancel).ConfigureAwait(false);
        }
        finally { _lock.Release(); }
    }
}
