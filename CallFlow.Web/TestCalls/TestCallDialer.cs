using System.Text.RegularExpressions;
using CallFlow.Domain.Flows;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using CallFlow.Web.Live;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.TestCalls;

/// <summary>A business the viewer may call from the test-call page, with the flows they may test on it.</summary>
public sealed record TestCallTarget(string BusinessId, string BusinessName, string PhoneNumber, string Language, IReadOnlyList<TestableFlow> Flows);

/// <summary>A flow to call: the published one (<see cref="VersionId"/> null: whatever is live) or a stored version (an owner's draft).</summary>
public sealed record TestableFlow(long? VersionId, string Label);

public sealed record TestCallRequest(string BusinessId, long? FlowVersionId, string From);

/// <summary>The call placed, or why not; <see cref="Warning"/> says when the flow tested cannot take bookings.</summary>
public sealed record TestCallStart(TestCallLine? Line, string? Problem, string? Warning = null);

/// <summary>
/// Places test calls from the console: the carrier simulator dials the business's number over the app's own
/// listening address, signed like Twilio, so the call runs through the real webhooks and shows on Live calls. A draft
/// is tested by naming its version in the signed incoming URL (<see cref="WebhookUrls.TestIncoming"/>), which also marks
/// the call as a test call so the owners' metrics leave it out; only owners may
/// test a version that is not live. The simulated carrier tracks the call in either carrier mode, so console actions
/// (hold, resume, end) reach it (in Twilio mode through <see cref="TestCallRouting"/>).
/// </summary>
public sealed partial class TestCallDialer(
    BusinessScope scope,
    FlowStore flows,
    LocalCarrierSimulator simulators,
    SimulatedCarrierWorker carrier,
    ICallBroadcaster broadcaster,
    IDbContextFactory<CallFlowDb> dbFactory,
    ILogger<TestCallDialer> logger)
{
    /// <summary>A New York number in the range kept for fiction, so test calls are easy to spot.</summary>
    public const string DefaultCaller = "+12125550199";

    public async Task<IReadOnlyList<TestCallTarget>> TargetsAsync(CancellationToken cancellationToken = default)
    {
        var businesses = await scope.BusinessesAsync(cancellationToken);
        var ids = businesses.Select(b => b.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = await db.Businesses.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => (b.PhoneNumber, b.Language), cancellationToken);
        var targets = new List<TestCallTarget>();
        foreach (var business in businesses.Where(b => lines.ContainsKey(b.Id)))
        {
            var history = await flows.HistoryAsync(business.Id, FlowTypes.Booking, cancellationToken);
            var live = history.FirstOrDefault(v => v.Status == FlowStatus.Published);
            List<TestableFlow> options = [new(null, live is null ? "Published (the built-in flow)" : $"Published (v{live.Number})")];
            if (business.CanManage && history.FirstOrDefault(v => v.Status == FlowStatus.Draft) is { } draft)
            {
                options.Add(new(draft.Id, $"Draft (v{draft.Number})"));
            }

            targets.Add(new TestCallTarget(business.Id, business.Name, lines[business.Id].PhoneNumber, lines[business.Id].Language, options));
        }

        return targets;
    }

    public async Task<TestCallStart> DialAsync(TestCallRequest request, CancellationToken cancellationToken = default)
    {
        var business = (await scope.BusinessesAsync(cancellationToken)).FirstOrDefault(b => b.Id == request.BusinessId);
        if (business is null)
        {
            return new(null, "Choose one of your businesses to call.");
        }

        var from = request.From.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!Phone().IsMatch(from))
        {
            return new(null, "The caller's number must be in international form, like +12125550199.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = await db.Businesses.Where(b => b.Id == business.Id).Select(b => b.PhoneNumber).FirstAsync(cancellationToken);
        string? warning = null;
        var url = WebhookUrls.TestIncoming(null);
        if (request.FlowVersionId is { } versionId)
        {
            var status = await db.FlowVersions.Where(v => v.Id == versionId && v.BusinessId == business.Id).Select(v => (FlowStatus?)v.Status).FirstOrDefaultAsync(cancellationToken);
            if (status is null)
            {
                return new(null, "That flow version does not exist any more; pick another.");
            }

            if (status != FlowStatus.Published && !business.CanManage)
            {
                return new(null, "Only an owner of this business can test a flow that is not published.");
            }

            var flow = await flows.VersionOfAsync(business.Id, versionId, cancellationToken);
            warning = flow?.Compiled is null ? "This version has problems, so the assistant cannot take bookings with it: callers who want one are handed to staff." : null;
            url = WebhookUrls.TestIncoming(versionId);
        }

        SimulatedCall leg;
        try
        {
            leg = await simulators.Create().DialAsync(from, number, url, cancellationToken);
        }
        catch (Exception e) when (e is SimulatedCarrierException or HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning(e, "Test call to {BusinessId} could not be placed", business.Id);
            return new(null, $"The test call could not be placed: {e.Message}");
        }

        carrier.Track(leg);
        var line = new TestCallLine(leg, business.Id, broadcaster);

        // After subscribing, so no later update is missed; the line keeps whichever snapshot is newer.
        if (await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.CallSid == leg.CallSid, cancellationToken) is { } call)
        {
            line.Apply(CallSnapshot.Of(call));
        }

        return new(line, null, warning);
    }

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex Phone();
}
