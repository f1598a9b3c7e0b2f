using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Telephony;

/// <summary>
/// The carrier in Twilio mode. Test calls from the console run on the simulated carrier (the simulator dials the app
/// itself, see <c>TestCallDialer</c>), so what CallFlow asks about them must stay there too: a console action on a
/// test call steers the simulated leg instead of asking Twilio about a CallSid it never issued, and a test caller's
/// callback or confirmation text goes to the outbox instead of dialing or texting a number that may be fictional.
/// Everything else goes to Twilio.
/// </summary>
public sealed class TestCallRouting(TwilioRestClient twilio, SimulatedCarrierClient simulated, IDbContextFactory<CallFlowDb> dbFactory) : ICarrierClient
{
    public Task<PlacedCall> PlaceCallAsync(OutboundCallRequest call, CancellationToken cancellationToken) =>
        CarrierFor(call.IsTest).PlaceCallAsync(call, cancellationToken);

    public async Task RedirectCallAsync(string callSid, CallInstructions instructions, CancellationToken cancellationToken) =>
        await CarrierFor(await IsTestCallAsync(callSid, cancellationToken)).RedirectCallAsync(callSid, instructions, cancellationToken);

    public async Task EndCallAsync(string callSid, CancellationToken cancellationToken) =>
        await CarrierFor(await IsTestCallAsync(callSid, cancellationToken)).EndCallAsync(callSid, cancellationToken);

    public Task<SentMessage> SendMessageAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        CarrierFor(message.IsTest).SendMessageAsync(message, cancellationToken);

    private ICarrierClient CarrierFor(bool testCall) => testCall ? simulated : twilio;

    private async Task<bool> IsTestCallAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Calls.AnyAsync(c => c.CallSid == callSid && c.IsTest, cancellationToken);
    }
}
