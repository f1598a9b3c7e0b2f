using CallFlow.Domain.Calls;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;

namespace CallFlow.Tests.Infrastructure;

/// <summary>Shortcuts for putting calls into a running app through its orchestrator.</summary>
public static class Calls
{
    public static string NewSid() => "CA" + Guid.NewGuid().ToString("N");

    /// <summary>An inbound call to the demo business, or to the business answering <paramref name="to"/>.</summary>
    public static async Task<Call> StartAsync(this CallFlowApp app, string? callSid = null, string from = "+12125550100", string to = DemoBusiness.DefaultPhoneNumber)
    {
        var start = await app.Orchestrator.StartInboundAsync(
            new InboundCall(callSid ?? NewSid(), from, to, new CallerInfo()),
            TestContext.Current.CancellationToken);
        return start.Call ?? throw new InvalidOperationException($"No business answered {to}.");
    }

    public static async Task<FireResult> FireAsync(this CallFlowApp app, Call call, CallTrigger trigger, Actor? actor = null) =>
        (await app.Orchestrator.FireAsync(call.CallSid, trigger, actor ?? Actor.Carrier, null, TestContext.Current.CancellationToken))!;

    public static async Task<FireResult> IdentifyIntentAsync(this CallFlowApp app, Call call, CallFlow.Domain.Conversation.Intent intent)
    {
        var done = await app.Orchestrator.ExecuteAsync(call.CallSid, Actor.Caller(call.From), s => Task.FromResult(s.IdentifyIntent(intent)), TestContext.Current.CancellationToken);
        return done!.Result;
    }
}
