using Microsoft.Extensions.Options;

namespace CallFlow.Web.Telephony;

/// <summary>
/// Lets at most <see cref="TwilioOptions.MaxConcurrentWebhooks"/> carrier webhooks work at once; the others wait
/// their turn, first come first served. Two cores do not answer faster with more in flight: every webhook in flight
/// holds database connections, SQLite gives each its own page cache (1,000 calls arriving together opened some 900
/// connections and half a gigabyte), and each takes CPU from the one that holds the database's write lock. The wait
/// counts in the webhook's measured time.
/// </summary>
internal sealed class WebhookConcurrency(WebhookSlots slots) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        await slots.Gate.WaitAsync(context.HttpContext.RequestAborted);
        try
        {
            return await next(context);
        }
        finally
        {
            slots.Gate.Release();
        }
    }
}

/// <summary>The slots every webhook endpoint shares (one per app: a filter instance is made per endpoint).</summary>
internal sealed class WebhookSlots(IOptions<TwilioOptions> options) : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(options.Value.MaxConcurrentWebhooks, options.Value.MaxConcurrentWebhooks);

    public void Dispose() => Gate.Dispose();
}
