using System.Text;
using System.Text.Json;
using Timeline.LanguageServer.JsonRpc;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// What the connection is given for a large message (the server's room without collections) is made once its header is
/// read and ended once, whatever becomes of the message; nothing for a small one, nor for one over the limit.
/// </summary>
public sealed class LargeMessageTests
{
    private sealed class Counted : IDisposable
    {
        public int Made, Ended;
        public Counted Make() { Interlocked.Increment(ref Made); return this; }
        public void Dispose() => Interlocked.Increment(ref Ended);
    }

    private static byte[] Frame(string json) => Frame(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetByteCount(json));

    private static byte[] Frame(byte[] body, int length) =>
        [.. Encoding.ASCII.GetBytes($"Content-Length: {length}\r\n\r\n"), .. body];

    private static string Notification(string method, int textLength) =>
        $"{{\"jsonrpc\":\"2.0\",\"method\":\"{method}\",\"params\":{{\"text\":\"{new string('a', textLength)}\"}}}}";

    private static async Task<Counted> Run(byte[] input, Action<JsonRpcConnection>? register = null, int maxContentLength = 64 << 20)
    {
        var counted = new Counted();
        var connection = new JsonRpcConnection(new MemoryStream(input), new MemoryStream(), maxContentLength)
        {
            LargeMessage = length => counted.Make(),
        };
        register?.Invoke(connection);
        await connection.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return counted;
    }

    [Fact]
    public async Task A_small_message_asks_for_nothing()
    {
        var counted = await Run(Frame(Notification("a", 100)));
        Assert.Equal((0, 0), (counted.Made, counted.Ended));
    }

    [Fact]
    public async Task A_large_notification_handled_at_once_or_later_has_its_room_ended_once()
    {
        var now = await Run(Frame(Notification("now", JsonRpcConnection.LargeMessageBytes)),
            c => c.OnNotification("now", p => Task.CompletedTask));
        Assert.Equal((1, 1), (now.Made, now.Ended));
        string? read = null;
        var later = await Run(Frame(Notification("later", JsonRpcConnection.LargeMessageBytes)), c => c.OnNotification("later", async p =>
        {
            await Task.Delay(50);
            // The parameters are still the message's after the handler waited: its buffer lives until the handler ends.
            read = p!.Value.GetProperty("text").GetString();
        }));
        Assert.Equal((1, 1), (later.Made, later.Ended));
        Assert.Equal(JsonRpcConnection.LargeMessageBytes, read!.Length);
    }

    [Fact]
    public async Task A_handler_that_throws_or_a_body_that_is_not_JSON_still_ends_its_room()
    {
        var throws = await Run(Frame(Notification("boom", JsonRpcConnection.LargeMessageBytes)),
            c => c.OnNotification("boom", _ => throw new InvalidOperationException("boom")));
        Assert.Equal((1, 1), (throws.Made, throws.Ended));
        var garbage = await Run(Frame(new string('{', JsonRpcConnection.LargeMessageBytes)));
        Assert.Equal((1, 1), (garbage.Made, garbage.Ended));
    }

    [Fact]
    public async Task A_body_cut_short_by_the_end_of_the_stream_ends_its_room()
    {
        var body = Encoding.UTF8.GetBytes(Notification("cut", JsonRpcConnection.LargeMessageBytes));
        var counted = await Run(Frame(body[..(body.Length / 2)], body.Length));
        Assert.Equal((1, 1), (counted.Made, counted.Ended));
    }

    [Fact]
    public async Task A_message_over_the_limit_asks_for_nothing()
    {
        var counted = await Run(Frame(Notification("huge", JsonRpcConnection.LargeMessageBytes)),
            maxContentLength: JsonRpcConnection.LargeMessageBytes);
        Assert.Equal((0, 0), (counted.Made, counted.Ended));
    }
}
