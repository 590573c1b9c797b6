using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Timeline.Core.Capture;

/// <summary>The limits of one fetch: the whole exchange's time, the page's size, the redirects followed.</summary>
public sealed record CaptureLimits(TimeSpan Timeout, long MaxBytes, int MaxRedirects)
{
    public static readonly CaptureLimits Default = new(TimeSpan.FromSeconds(20), 10 * 1024 * 1024, 5);
}

/// <summary>A page that is not captured, with the reason a writer can act on.</summary>
public sealed class CaptureRefusedException(string message) : Exception(message);

/// <summary>A page as it arrived: the address it came from after redirects, its bytes, and what its header said it is.</summary>
public sealed record FetchedPage(Uri Url, byte[] Bytes, string? MediaType, string? Charset)
{
    public bool IsPlainText => MediaType == "text/plain";
}

/// <summary>
/// Fetches one web page within limits: http and https only (redirects included), at most
/// <see cref="CaptureLimits.MaxRedirects"/> redirects and never the same address twice, the
/// whole exchange within the time limit, and nothing kept unless the whole body arrived
/// within the size limit.
/// </summary>
public static class PageFetcher
{
    private static readonly HashSet<string> PageTypes = new(StringComparer.Ordinal) { "text/html", "application/xhtml+xml", "text/plain" };

    public static async Task<FetchedPage> FetchAsync(Uri url, CaptureLimits limits, CancellationToken cancel = default)
    {
        RequireHttp(url, "the address");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(limits.Timeout);
        // Redirects are followed here, not by the handler, so that each one is checked.
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return await FetchFollowingRedirects(client, url, limits, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            throw new CaptureRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"{url} did not arrive within the time limit of {limits.Timeout.TotalSeconds:0.#} s; nothing was written"));
        }
        catch (HttpRequestException ex)
        {
            throw new CaptureRefusedException($"could not fetch {url}: {ex.Message}");
        }
    }

    private static async Task<FetchedPage> FetchFollowingRedirects(HttpClient client, Uri url, CaptureLimits limits, CancellationToken cancel)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        for (int redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            // A browser-like request: some sites answer bare clients with an error page.
            request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; timeline-capture)");
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
            int status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                var location = response.Headers.Location
                    ?? throw new CaptureRefusedException($"{url} answered {status} (a redirect) without saying where to");
                var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                RequireHttp(next, $"{url} redirects to {next}, which");
                if (!visited.Add(next.AbsoluteUri))
                    throw new CaptureRefusedException($"{url} redirects in a loop (back to {next}); nothing was written");
                if (redirects + 1 > limits.MaxRedirects)
                    throw new CaptureRefusedException($"more than {limits.MaxRedirects} redirects from {visited.First()}; nothing was written");
                url = next;
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new CaptureRefusedException($"{url} answered {status} {response.ReasonPhrase}; nothing was written");
            var type = response.Content.Headers.ContentType;
            string? mediaType = type?.MediaType?.ToLowerInvariant();
            if (mediaType is not null && !PageTypes.Contains(mediaType))
                throw new CaptureRefusedException($"{url} is {mediaType}, not a web page (text/html or application/xhtml+xml) or plain text; "
                                                  + "save what you need as text and capture that file");
            if (response.Content.Headers.ContentLength is long declared && declared > limits.MaxBytes)
                throw new CaptureRefusedException($"{url} is {Describe(declared)}, over the size limit " +
                    $"of {Describe(limits.MaxBytes)}; nothing was written");
            byte[] body = await ReadLimited(response.Content, url, limits.MaxBytes, cancel);
            return new FetchedPage(url, body, mediaType, Unquote(type?.CharSet));
        }
    }

    /// <summary>Reads the whole body, and stops as soon as it passes the limit (a missing or false length is not trusted).</summary>
    private static async Task<byte[]> ReadLimited(HttpContent content, Uri url, long maxBytes, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel);
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel)) > 0)
        {
            if (kept.Length + read > maxBytes)
                throw new CaptureRefusedException($"{url} is over the size limit of {Describe(maxBytes)}; reading stopped and nothing was written");
            kept.Write(buffer, 0, read);
        }
        return kept.ToArray();
    }

    private static void RequireHttp(Uri url, string what)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new CaptureRefusedException($"{what} is not an http or https address; only web pages are captured");
    }

    private static string? Unquote(string? s) => s?.Trim().Trim('"', '\'');

    /// <summary>A size for a message, the same on every machine: "1.5 MiB", never "1,5 MiB".</summary>
    internal static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
