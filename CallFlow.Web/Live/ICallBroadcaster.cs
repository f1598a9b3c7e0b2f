using CallFlow.Web.Calls;

namespace CallFlow.Web.Live;

/// <summary>
/// Pushes call changes to open console pages, per business. In-process today; a multi-instance deployment
/// replaces it with a backplane (Redis, PostgreSQL LISTEN/NOTIFY) behind the same interface.
/// </summary>
public interface ICallBroadcaster
{
    /// <summary>Queues an update; never blocks the webhook that caused it.</summary>
    void Publish(CallSnapshot snapshot);

    /// <summary>Receives every update for one business until the returned handle is disposed.</summary>
    IDisposable Subscribe(string businessId, Func<CallSnapshot, Task> onUpdate);
}
