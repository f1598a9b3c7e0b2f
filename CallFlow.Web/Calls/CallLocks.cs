namespace CallFlow.Web.Calls;

/// <summary>
/// One writer per call: webhooks for the same CallSid run one at a time, while different calls never wait
/// for each other. Entries are reference-counted and removed when the last holder leaves.
/// </summary>
public sealed class CallLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable> AcquireAsync(string callSid, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(callSid, out entry!))
            {
                entry = new Entry();
                _entries[callSid] = entry;
            }

            entry.References++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(callSid, entry, held: false);
            throw;
        }

        return new Lease(this, callSid, entry);
    }

    /// <summary>How many calls currently have a holder or waiter (for diagnostics and tests).</summary>
    public int ActiveCount
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Release(string callSid, Entry entry, bool held)
    {
        if (held)
        {
            entry.Gate.Release();
        }

        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(callSid);
            }
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int References;
    }

    private sealed class Lease(CallLocks owner, string callSid, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(callSid, entry, held: true);
            }
        }
    }
}
