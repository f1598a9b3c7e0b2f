namespace CallFlow.Web.Calls;

/// <summary>
/// Sees each unit of work on a call as <see cref="CallOrchestrator"/> saves it. <see cref="Saving"/> runs under the
/// call's lock just before the save and may add rows to <c>session.Db</c>, which then commit in the same transaction
/// as the state change they describe; it returns what to do once the save has committed (or null). Observers must
/// be quick and must not do I/O: they run on the webhook's path.
/// </summary>
public interface ICallWorkObserver
{
    Action? Saving(CallSession session);
}
