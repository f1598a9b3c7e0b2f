using CallFlow.Web.Calls;
using CallFlow.Web.Live;
using CallFlow.Web.Telephony.Simulator;

namespace CallFlow.Web.TestCalls;

/// <summary>Who said a line of a test call: the assistant, the tester, or the carrier/console (a note).</summary>
public enum ChatSpeaker
{
    Assistant,
    Caller,
    Note,
}

/// <summary>One bubble of the test-call chat.</summary>
public sealed record ChatLine(ChatSpeaker Speaker, string Text);

/// <summary>
/// A test call as the page drives it: the simulated caller's leg over the real webhooks, the chat it has heard so far,
/// and the call's latest snapshot from the live broadcaster. Every action answers with an error message rather than
/// throwing, so a refused request or a call that has ended never breaks the page. Dispose it to stop listening.
/// </summary>
public sealed class TestCallLine : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();

    internal TestCallLine(SimulatedCall leg, string businessId, ICallBroadcaster broadcaster)
    {
        Leg = leg;
        BusinessId = businessId;
        Leg.Changed += Raise;
        _subscription = broadcaster.Subscribe(businessId, snapshot =>
        {
            if (snapshot.CallSid == Leg.CallSid)
            {
                Apply(snapshot);
            }

            return Task.CompletedTask;
        });
    }

    public SimulatedCall Leg { get; }

    public string BusinessId { get; }

    /// <summary>The call as the console sees it (null until the app has reported it).</summary>
    public CallSnapshot? Snapshot { get; private set; }

    /// <summary>The assistant asked something and waits for the caller.</summary>
    public bool CanAnswer => Leg.IsListening;

    public bool IsOver => Leg.IsOver;

    /// <summary>Something was said or the call's state changed; raised on whichever thread did it.</summary>
    public event Action? Changed;

    public IReadOnlyList<ChatLine> Chat
    {
        get
        {
            // A copy of the leg's transcript: the simulated carrier may add to it from another thread.
            var lines = Leg.Transcript.ToArray().Where(l => l is not null).Select(Line).ToList();
            if (Leg.EndedBy is { } end)
            {
                lines.Add(new ChatLine(ChatSpeaker.Note, end switch
                {
                    SimulatedCallEnd.CallerHungUp => "You hung up.",
                    SimulatedCallEnd.AppHungUp => "The assistant ended the call.",
                    SimulatedCallEnd.DocumentRanOut => "The call ended: the assistant had nothing more to say.",
                    _ => "The call was ended (from the console or by the carrier).",
                }));
            }

            return lines;
        }
    }

    public Task<string?> SayAsync(string words) =>
        string.IsNullOrWhiteSpace(words) ? Task.FromResult<string?>("Type what the caller says first.") : RunAsync(() => Leg.SayAsync(words.Trim()));

    public Task<string?> PressAsync(string digits) =>
        digits.Length == 0 || digits.Any(c => !char.IsAsciiDigit(c) && c is not ('*' or '#'))
            ? Task.FromResult<string?>("Keys are the digits 0–9, * and #.")
            : RunAsync(() => Leg.PressAsync(digits));

    public Task<string?> StayQuietAsync() => RunAsync(() => Leg.StayQuietAsync());

    public Task<string?> HangUpAsync() => Leg.IsOver ? Task.FromResult<string?>(null) : RunAsync(() => Leg.HangUpAsync(), needsListener: false);

    /// <summary>Merges a snapshot unless a newer one is already known (the broadcaster and the database may race).</summary>
    internal void Apply(CallSnapshot snapshot)
    {
        lock (_gate)
        {
            if (Snapshot is { } known && known.Version > snapshot.Version)
            {
                return;
            }

            Snapshot = snapshot;
        }

        Raise();
    }

    public void Dispose()
    {
        Leg.Changed -= Raise;
        _subscription.Dispose();
    }

    private async Task<string?> RunAsync(Func<Task> action, bool needsListener = true)
    {
        if (Leg.IsOver)
        {
            return "The call has ended. Start over to place a new one.";
        }

        if (needsListener && !Leg.IsListening)
        {
            return Leg.IsOnHold ? "The caller is on hold; wait until staff resume the call." : "The assistant is not listening right now.";
        }

        try
        {
            await action();
            return null;
        }
        catch (Exception e) when (e is SimulatedCarrierException or HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return $"The simulated carrier could not go on: {e.Message}";
        }
    }

    private static ChatLine Line(SimulatedLine line) => line.Speaker switch
    {
        "assistant" => new ChatLine(ChatSpeaker.Assistant, line.Text),
        "caller" => new ChatLine(ChatSpeaker.Caller, line.Text),
        _ => new ChatLine(ChatSpeaker.Note, line.Text),
    };

    private void Raise() => Changed?.Invoke();
}
