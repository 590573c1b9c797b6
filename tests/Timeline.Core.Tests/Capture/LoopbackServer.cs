using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Timeline.Core.Tests.Capture;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 and a free port, serving only what a test maps: every
/// answer is written by hand (headers, lengths, redirects, slowness), one request per connection.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    public delegate Task Responder(Stream stream, CancellationToken cancel);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, Responder> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LoopbackServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>The paths requested so far, in order.</summary>
    public List<string> Requests { get; } = new();

    public void Map(string path, Responder respond)
    {
        lock (_routes) _routes[path] = respond;
    }

    public void MapPage(string path, string contentType, byte[] body) =>
        Map(path, (s, c) => Respond(s, "200 OK", [$"Content-Type: {contentType}", $"Content-Length: {body.Length}"], body, c));

    public void MapPage(string path, string html) => MapPage(path, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));

    public void MapRedirect(string path, string location, int status = 302) =>
        Map(path, (s, c) => Respond(s, $"{status} Redirect", [$"Location: {location}", "Content-Length: 0"], [], c));

    public static async Task Respond(Stream stream, string status, IEnumerable<string> headers, byte[] body, CancellationToken cancel)
    {
        var head = new StringBuilder($"HTTP/1.1 {status}\r\n");
        foreach (var h in headers) head.Append(h).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancel);
        await stream.WriteAsync(body, cancel);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            string? path = await ReadRequestPath(stream, _stop.Token);
            if (path is null) return;
            Responder? respond;
            lock (_routes)
            {
                Requests.Add(path);
                _routes.TryGetValue(path, out respond);
            }
            if (respond is null)
                await Respond(stream, "404 Not Found", ["Content-Type: text/plain", "Content-Length: 9"], "not found"u8.ToArray(), _stop.Token);
            else
                await respond(stream, _stop.Token);
            await stream.FlushAsync(_stop.Token);
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (a refused page stops reading): nothing to answer.
        }
    }

    /// <summary>Reads a request's head (up to 16 KiB) and returns its path.</summary>
    private static async Task<string?> ReadRequestPath(Stream stream, CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        int length = 0;
        while (length < buffer.Length)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(length), cancel);
            if (n == 0) return null;
            length += n;
            string head = Encoding.ASCII.GetString(buffer, 0, length);
            if (head.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var parts = head[..head.IndexOf('\r')].Split(' ');
                return parts.Length >= 2 ? parts[1] : null;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
