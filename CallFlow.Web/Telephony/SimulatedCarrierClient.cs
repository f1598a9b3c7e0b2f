using CallFlow.Web.Data;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Telephony;

/// <summary>
/// The simulated carrier: nothing leaves the machine. Placed calls and sent messages become outbox rows for the console;
/// the simulator then rings and answers placed calls against this app's own webhooks. Every call's carrier in Simulated
/// mode; in Twilio mode, the carrier of the console's test calls (<see cref="TestCallRouting"/>).
/// </summary>
public sealed class SimulatedCarrierClient(
    IDbContextFactory<CallFlowDb> dbFactory,
    SimulatedCarrierWorker worker,
    IOptions<CarrierOptions> options,
    TimeProvider clock,
    ILogger<SimulatedCarrierClient> logger) : ICarrierClient
{
    public async Task<PlacedCall> PlaceCallAsync(OutboundCallRequest call, CancellationToken cancellationToken)
    {
        var sid = CarrierSimulator.NewSid("CA");
        await AddAsync(new OutboxMessage
        {
            Kind = OutboxKind.Call,
            CarrierSid = sid,
            BusinessId = call.BusinessId,
            To = call.To,
            From = call.From,
            Url = call.Url ?? WebhookUrls.Outbound,
            Status = "queued",
        }, cancellationToken);
        logger.LogInformation("Simulated call {CallSid} placed to {To}", sid, call.To);

        if (options.Value.AnswerSimulatedCalls)
        {
            worker.Answer(sid, call);
        }

        return new PlacedCall(sid, "queued");
    }

    public async Task RedirectCallAsync(string callSid, CallInstructions instructions, CancellationToken cancellationToken)
    {
        if (instructions.Twiml is { Length: > TwilioRestClient.MaxTwimlLength })
        {
            throw new ArgumentException($"Twilio takes at most {TwilioRestClient.MaxTwimlLength} characters of TwiML.", nameof(instructions));
        }

        await AddForLiveCallAsync(OutboxKind.Redirect, callSid, instructions, cancellationToken);

        // Queued rather than awaited, like the real REST call: the caller of this may hold the call's lock,
        // which the simulator's webhook for the same call will need.
        worker.Redirect(callSid, instructions);
    }

    public async Task EndCallAsync(string callSid, CancellationToken cancellationToken)
    {
        await AddForLiveCallAsync(OutboxKind.Hangup, callSid, null, cancellationToken);
        worker.End(callSid);
    }

    public async Task<SentMessage> SendMessageAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Body.Length > TwilioRestClient.MaxMessageLength)
        {
            // Refused like Twilio would, so a too-long confirmation is found before going live.
            throw new ArgumentException($"Twilio takes at most {TwilioRestClient.MaxMessageLength} characters in a message.", nameof(message));
        }

        var sid = CarrierSimulator.NewSid("SM");
        await AddAsync(new OutboxMessage
        {
            Kind = OutboxKind.Message,
            CarrierSid = sid,
            BusinessId = message.BusinessId,
            To = message.To,
            From = message.From,
            Body = message.Body,
            Status = "sent",
        }, cancellationToken);
        logger.LogInformation("Simulated message {MessageSid} to {To}", sid, message.To);
        return new SentMessage(sid, "sent");
    }

    /// <summary>Records a request about a live call, with the call's business and numbers so the console can show it.</summary>
    private async Task AddForLiveCallAsync(OutboxKind kind, string callSid, CallInstructions? instructions, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.CallSid == callSid)
            .Select(c => new { c.BusinessId, c.From, c.To })
            .FirstOrDefaultAsync(cancellationToken);
        await AddAsync(new OutboxMessage
        {
            Kind = kind,
            CarrierSid = CarrierSimulator.NewSid("RE"),
            CallSid = callSid,
            BusinessId = call?.BusinessId,
            To = call?.From ?? "",
            From = call?.To ?? "",
            Url = instructions?.Url,
            Twiml = instructions?.Twiml,
            Status = "sent",
        }, cancellationToken);
        logger.LogInformation("Simulated {Kind} of call {CallSid}", kind, callSid);
    }

    private async Task AddAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        message.CreatedAt = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
    }
}
