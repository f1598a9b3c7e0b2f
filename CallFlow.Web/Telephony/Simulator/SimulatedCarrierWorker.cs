using System.Collections.Concurrent;
using System.Threading.Channels;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Telephony.Simulator;

/// <summary>
/// The simulated carrier's own work, done in the background as Twilio would do it after a REST call returns:
/// ringing and answering placed calls, redirecting and ending live ones. Runs the jobs one after another.
/// </summary>
public sealed class SimulatedCarrierWorker(
    LocalCarrierSimulator simulators,
    IDbContextFactory<CallFlowDb> dbFactory,
    TimeProvider clock,
    ILogger<SimulatedCarrierWorker> logger) : BackgroundService
{
    /// <summary>How often, 100 ms apart, a placed call rings before the placer has saved it (a real carrier is that slow at least).</summary>
    private const int RingAttempts = 100;

    private readonly Channel<Func<CancellationToken, Task>> _jobs = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<string, SimulatedCall> _live = new(StringComparer.Ordinal);

    /// <summary>Simulated calls still on the line, by CallSid (the console's test-call page can pick them up).</summary>
    public IReadOnlyDictionary<string, SimulatedCall> Live => _live;

    /// <summary>Lets the worker steer a call someone else started (a test call from the console).</summary>
    public void Track(SimulatedCall call) => _live[call.CallSid] = call;

    internal void Answer(string callSid, OutboundCallRequest call) => _jobs.Writer.TryWrite(async cancellationToken =>
    {
        await WaitUntilSavedAsync(callSid, cancellationToken);
        try
        {
            await SetStatusAsync(callSid, "ringing", cancellationToken);
            var leg = await simulators.Create().AnswerOutboundAsync(callSid, call.From, call.To, call.Url, cancellationToken);
            Track(leg);
            await SetStatusAsync(callSid, leg.IsOver ? "completed" : "answered", cancellationToken);
        }
        catch (Exception e) when (e is SimulatedCarrierException or HttpRequestException)
        {
            logger.LogWarning(e, "Simulated call {CallSid} could not be answered", callSid);
            await SetStatusAsync(callSid, "failed", cancellationToken);
        }
    });

    internal void Redirect(string callSid, CallInstructions instructions) =>
        _jobs.Writer.TryWrite(cancellationToken => OnLiveCallAsync(callSid, call => call.RedirectAsync(instructions, cancellationToken)));

    internal void End(string callSid) =>
        _jobs.Writer.TryWrite(cancellationToken => OnLiveCallAsync(callSid, call => call.EndByCarrierAsync(cancellationToken)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await job(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Simulated carrier job failed");
            }

            foreach (var over in _live.Where(l => l.Value.IsOver).Select(l => l.Key).ToList())
            {
                _live.TryRemove(over, out _);
            }
        }
    }

    private async Task OnLiveCallAsync(string callSid, Func<SimulatedCall, Task> work)
    {
        if (_live.TryGetValue(callSid, out var call) && !call.IsOver)
        {
            await work(call);
            if (call.IsOver)
            {
                await SetStatusAsync(callSid, "completed", CancellationToken.None);
            }
        }
        else
        {
            logger.LogWarning("Simulated carrier: no live call {CallSid}", callSid);
        }
    }

    private async Task WaitUntilSavedAsync(string callSid, CancellationToken cancellationToken)
    {
        // Counted in attempts rather than by the clock, which tests may have stopped.
        for (var attempt = 0; attempt < RingAttempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Calls.AnyAsync(c => c.CallSid == callSid, cancellationToken))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private async Task SetStatusAsync(string callSid, string status, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.CarrierSid == callSid)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, status).SetProperty(x => x.UpdatedAt, clock.GetUtcNow()), cancellationToken);
    }
}
