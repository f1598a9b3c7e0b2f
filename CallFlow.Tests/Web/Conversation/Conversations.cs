using System.Globalization;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CallFlow.Tests.Web.Conversation;

/// <summary>
/// Shortcuts for whole conversations over the carrier endpoints. They hold for any correct booking desk over the demo
/// salon with an empty calendar, on a clock stopped on Wednesday 4 March 2026 at 10:00 in New York.
/// </summary>
internal static class Conversations
{
    public const string DanasNumber = "+19175550123";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Wednesday 4 March 2026, 10:00 in New York (15:00 UTC): the salon is open.</summary>
    public static FakeTimeProvider WednesdayMorning() => new(DateTimeOffset.Parse("2026-03-04T15:00:00Z", CultureInfo.InvariantCulture));

    /// <summary>Saturday 7 March 2026, 20:00 in New York: the salon is closed.</summary>
    public static FakeTimeProvider SaturdayEvening() => new(DateTimeOffset.Parse("2026-03-08T01:00:00Z", CultureInfo.InvariantCulture));

    public static TelephonyApp OpenSalon() => new(clock: WednesdayMorning());

    public static Task<SimulatedCall> DialAsync(this TelephonyApp app, CarrierSimulator? carrier = null, string from = TelephonyApp.Caller) =>
        (carrier ?? app.Carrier()).DialAsync(from, TelephonyApp.DemoNumber, Token);

    public static Task SpeakAsync(this SimulatedCall leg, string words) => leg.SayAsync(words, cancellationToken: Token);

    /// <summary>A whole call that books a haircut for Dana on Thursday at 3 PM, under the caller's own number.</summary>
    public static async Task BookByPhoneAsync(this TelephonyApp app)
    {
        var leg = await app.DialAsync();
        await leg.SpeakAsync("I'd like a haircut tomorrow at 3, it's Dana Smith, same number I'm calling from");
        await leg.SpeakAsync("yes");
        leg.LastPrompt.ShouldStartWith("You're all set!");
    }

    /// <summary>The audit trail of a call: every accepted transition in order (refused triggers are checked to be absent).</summary>
    public static async Task<List<CallTransition>> TrailAsync(this TelephonyApp app, string callSid)
    {
        await using var db = app.Db();
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.CallSid == callSid, Token);
        var rows = await db.CallTransitions.AsNoTracking().Where(t => t.CallId == call.Id).OrderBy(t => t.Id).ToListAsync(Token);
        rows.ShouldAllBe(t => t.Accepted, "no trigger was refused on the way");
        return rows;
    }

    /// <summary>The chain of states the call went through, from its first transition.</summary>
    public static async Task<List<CallState>> ChainAsync(this TelephonyApp app, string callSid)
    {
        var trail = await app.TrailAsync(callSid);
        for (var i = 1; i < trail.Count; i++)
        {
            trail[i].From.ShouldBe(trail[i - 1].To, "each transition starts where the previous one ended");
        }

        return [.. trail.Select(t => t.To)];
    }

    public static async Task<List<CallStepEvent>> StepEventsAsync(this TelephonyApp app, string callSid)
    {
        await using var db = app.Db();
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.CallSid == callSid, Token);
        return await db.StepEvents.AsNoTracking().Where(e => e.CallId == call.Id).OrderBy(e => e.Id).ToListAsync(Token);
    }
}
