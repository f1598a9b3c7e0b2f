using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using CallFlow.Web.Calls;

namespace CallFlow.Web.Live;

/// <summary>
/// Single-instance broadcaster: publishers write to a channel, and one background loop delivers to the
/// subscribers of each business, so a slow browser never slows a webhook.
/// </summary>
public sealed class InProcessCallBroadcaster(ILogger<InProcessCallBroadcaster> logger) : BackgroundService, ICallBroadcaster
{
    private readonly Channel<CallSnapshot> _queue = Channel.CreateUnbounded<CallSnapshot>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> _subscribers = new(StringComparer.Ordinal);

    public void Publish(CallSnapshot snapshot) => _queue.Writer.TryWrite(snapshot);

    public IDisposable Subscribe(string businessId, Func<CallSnapshot, Task> onUpdate)
    {
        var subscription = new Subscription(this, businessId, onUpdate);
        _subscribers.AddOrUpdate(businessId, _ => [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    /// <summary>How many pages are listening to a business (for tests and diagnostics).</summary>
    public int SubscriberCount(string businessId) =>
        _subscribers.TryGetValue(businessId, out var list) ? list.Length : 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (!_subscribers.TryGetValue(snapshot.BusinessId, out var list))
                {
                    continue;
                }

                foreach (var subscription in list)
                {
                    try
                    {
                        await subscription.OnUpdate(snapshot);
                    }
                    catch (Exception ex)
                    {
                        logger.LogWarning(ex, "A live subscriber of {BusinessId} failed", snapshot.BusinessId);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Remove(Subscription subscription)
    {
        _subscribers.AddOrUpdate(subscription.BusinessId, _ => [], (_, list) => list.Remove(subscription));
    }

    private sealed class Subscription(InProcessCallBroadcaster owner, string businessId, Func<CallSnapshot, Task> onUpdate) : IDisposable
    {
        private int _disposed;

        public string BusinessId => businessId;

        public Func<CallSnapshot, Task> OnUpdate => onUpdate;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
