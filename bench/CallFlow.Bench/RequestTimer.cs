using System.Diagnostics;

namespace CallFlow.Bench;

/// <summary>
/// Times every request the simulated carrier sends, from the first byte out to the last byte of the answer in, by
/// endpoint (the last segment of the path: incoming, turn, status, baseline). A refusal (not 2xx) or a failed request
/// counts as a failure of its endpoint. Records into <see cref="Book"/>; nothing while it is null (the warm-up).
/// </summary>
public sealed class RequestTimer(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private volatile LatencyBook? _book;

    public LatencyBook? Book
    {
        get => _book;
        set => _book = value;
    }

    public static string EndpointOf(string path) => path.TrimEnd('/') is var trimmed && trimmed.LastIndexOf('/') is var slash and >= 0 ? trimmed[(slash + 1)..] : trimmed;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = EndpointOf(request.RequestUri?.AbsolutePath ?? "");
        var book = _book;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (book is not null)
            {
                book.Record(endpoint, elapsed);
                if (!response.IsSuccessStatusCode)
                {
                    book.Failed(endpoint);
                }
            }

            return response;
        }
        catch
        {
            book?.Failed(endpoint);
            throw;
        }
    }
}
