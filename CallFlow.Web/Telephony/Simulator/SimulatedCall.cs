using System.Globalization;
using System.Xml.Linq;

namespace CallFlow.Web.Telephony.Simulator;

/// <summary>One line of what was heard on a simulated call: who spoke (assistant, caller, carrier) and what.</summary>
public sealed record SimulatedLine(string Speaker, string Text);

/// <summary>How a simulated call ended.</summary>
public enum SimulatedCallEnd
{
    /// <summary>The app's TwiML said <c>&lt;Hangup/&gt;</c> (or rejected the call).</summary>
    AppHungUp,

    /// <summary>The caller hung up.</summary>
    CallerHungUp,

    /// <summary>The carrier ended it (busy, no answer, ended from the console).</summary>
    Carrier,

    /// <summary>The TwiML ran out with nothing left to do: Twilio hangs up, and the caller heard silence.</summary>
    DocumentRanOut,
}

/// <summary>
/// One leg of a simulated call, driven as a caller would: listen (<see cref="LastPrompt"/>), speak, press keys,
/// stay quiet, hang up. Follows Gather actions, Redirect, Dial, Enqueue and Hangup the way Twilio does, and reports
/// the call's status with increasing sequence numbers. Calls on one leg run one at a time.
/// </summary>
public sealed class SimulatedCall
{
    private const int MaxDocumentsWithoutInput = 10;

    private readonly CarrierSimulator _carrier;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<SimulatedLine> _transcript = [];
    private readonly List<string> _heard = [];
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private XElement? _gather;
    private string _documentUrl = "";
    private int _sequence;

    internal SimulatedCall(CarrierSimulator carrier, string callSid, string from, string to, string direction)
    {
        _carrier = carrier;
        CallSid = callSid;
        From = from;
        To = to;
        Direction = direction;
    }

    public string CallSid { get; }

    public string From { get; }

    public string To { get; }

    /// <summary>inbound or outbound-api, as Twilio names it.</summary>
    public string Direction { get; }

    public string Status { get; private set; } = CarrierStatus.Ringing;

    public IReadOnlyList<SimulatedLine> Transcript => _transcript;

    /// <summary>Everything the assistant said since the caller last did something.</summary>
    public string LastPrompt => string.Join(" ", _heard);

    /// <summary>The assistant asked something and waits for the caller (a Gather is open).</summary>
    public bool IsListening => _gather is not null && !IsOver;

    public bool IsOnHold { get; private set; }

    /// <summary>The queue the caller waits in while on hold.</summary>
    public string? Queue { get; private set; }

    /// <summary>Numbers the app transferred the caller to.</summary>
    public List<string> Dialed { get; } = [];

    public bool IsOver { get; private set; }

    public SimulatedCallEnd? EndedBy { get; private set; }

    /// <summary>Raised after the caller or the carrier did something on this leg (on the thread that did it).</summary>
    public event Action? Changed;

    /// <summary>Caller speech, as the carrier's recognizer would post it.</summary>
    public Task SayAsync(string speech, double confidence = 0.92, CancellationToken cancellationToken = default) =>
        AnswerGatherAsync(
            [new("SpeechResult", speech), new("Confidence", confidence.ToString("0.########", CultureInfo.InvariantCulture))],
            new SimulatedLine("caller", speech), cancellationToken);

    /// <summary>Keypad digits.</summary>
    public Task PressAsync(string digits, CancellationToken cancellationToken = default) =>
        AnswerGatherAsync([new("Digits", digits)], new SimulatedLine("caller", $"[pressed {digits}]"), cancellationToken);

    /// <summary>The caller says nothing until the Gather times out.</summary>
    public Task StayQuietAsync(CancellationToken cancellationToken = default) =>
        AnswerGatherAsync(null, new SimulatedLine("caller", "[silence]"), cancellationToken);

    /// <summary>The caller hangs up; the carrier reports the call completed.</summary>
    public Task HangUpAsync(CancellationToken cancellationToken = default) =>
        Locked(() => EndAsync(CarrierStatus.Completed, cancellationToken, SimulatedCallEnd.CallerHungUp), cancellationToken);

    /// <summary>The carrier ends the call (the console's "end call" through the REST API).</summary>
    public Task EndByCarrierAsync(CancellationToken cancellationToken = default) =>
        Locked(() => EndAsync(CarrierStatus.Completed, cancellationToken, SimulatedCallEnd.Carrier), cancellationToken);

    /// <summary>The carrier is told to fetch new instructions for this live call (the REST API's redirect).</summary>
    public Task RedirectAsync(CallInstructions instructions, CancellationToken cancellationToken = default) => Locked(async () =>
    {
        IsOnHold = false;
        Queue = null;
        _gather = null;
        _heard.Clear();
        var document = instructions.Twiml is { } twiml
            ? XDocument.Parse(twiml).Root
            : await FetchAsync(instructions.Url ?? throw new ArgumentException("Give a Url or TwiML.", nameof(instructions)), [], cancellationToken);
        await RunAsync(document, cancellationToken);
    }, cancellationToken);

    internal async Task StartAsync(string url, CancellationToken cancellationToken, bool answered = false)
    {
        if (answered)
        {
            await ReportAsync(CarrierStatus.InProgress, cancellationToken);
        }

        await RunAsync(await FetchAsync(url, [], cancellationToken), cancellationToken);
    }

    /// <summary>Posts a status callback with the next sequence number.</summary>
    internal async Task ReportAsync(string status, CancellationToken cancellationToken)
    {
        Status = status;
        var form = _carrier.CallParameters(this, status).ToList();
        form.Add(new("SequenceNumber", (_sequence++).ToString(CultureInfo.InvariantCulture)));
        form.Add(new("Timestamp", CarrierSimulator.Rfc2822(DateTimeOffset.UtcNow)));
        form.Add(new("CallbackSource", "call-progress-events"));
        if (CarrierStatus.IsTerminal(status))
        {
            form.Add(new("CallDuration", ((int)(DateTimeOffset.UtcNow - _startedAt).TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }

        using var response = await _carrier.PostAsync(WebhookUrls.Status, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SimulatedCarrierException($"The status callback ({status}) answered {(int)response.StatusCode}.");
        }
    }

    internal async Task EndAsync(string status, CancellationToken cancellationToken, SimulatedCallEnd by = SimulatedCallEnd.Carrier)
    {
        if (IsOver)
        {
            return;
        }

        IsOver = true;
        EndedBy = by;
        _gather = null;
        IsOnHold = false;
        await ReportAsync(status, cancellationToken);
    }

    private Task AnswerGatherAsync(List<KeyValuePair<string, string>>? input, SimulatedLine said, CancellationToken cancellationToken) => Locked(async () =>
    {
        var gather = _gather ?? throw new InvalidOperationException(IsOver ? "The call is over." : "Nobody is listening: the app has not asked anything.");
        _transcript.Add(said);
        _heard.Clear();
        _gather = null;

        var emptyResult = input is null;
        if (emptyResult && gather.Attribute("actionOnEmptyResult")?.Value != "true")
        {
            // Silence without actionOnEmptyResult: Twilio goes on with whatever follows the Gather.
            await RunVerbsAsync(gather.ElementsAfterSelf(), cancellationToken);
            return;
        }

        var action = gather.Attribute("action")?.Value ?? _documentUrl;
        await RunAsync(await FetchAsync(action, input ?? [], cancellationToken), cancellationToken);
    }, cancellationToken);

    private async Task<XElement?> FetchAsync(string url, IEnumerable<KeyValuePair<string, string>> extra, CancellationToken cancellationToken)
    {
        var form = _carrier.CallParameters(this, IsOver ? CarrierStatus.Completed : CarrierStatus.InProgress).Concat(extra).ToList();
        _documentUrl = CarrierSimulator.Resolve(_documentUrl.Length > 0 ? _documentUrl : _carrier.Url("/"), url);
        return await _carrier.FetchTwimlAsync(_documentUrl, form, cancellationToken);
    }

    private async Task RunAsync(XElement? document, CancellationToken cancellationToken)
    {
        for (var documents = 1; document is not null; documents++)
        {
            if (documents > MaxDocumentsWithoutInput)
            {
                throw new SimulatedCarrierException($"{MaxDocumentsWithoutInput} TwiML documents in a row without waiting for the caller: a redirect loop.");
            }

            document = await RunVerbsAsync(document.Elements(), cancellationToken);
        }
    }

    /// <summary>Plays verbs in order; returns the next document to play when one hands over to a URL, else null.</summary>
    private async Task<XElement?> RunVerbsAsync(IEnumerable<XElement> verbs, CancellationToken cancellationToken)
    {
        foreach (var verb in verbs)
        {
            switch (verb.Name.LocalName)
            {
                case "Say":
                    Hear(verb.Value);
                    break;

                case "Play":
                    Hear("[audio]");
                    break;

                case "Pause":
                    break;

                case "Gather":
                    foreach (var say in verb.Elements("Say"))
                    {
                        Hear(say.Value);
                    }

                    _gather = verb;
                    return null;

                case "Redirect":
                    return await FetchAsync(verb.Value.Trim(), [], cancellationToken);

                case "Dial":
                    var number = verb.Element("Number")?.Value.Trim() ?? verb.Value.Trim();
                    Dialed.Add(number);
                    _transcript.Add(new SimulatedLine("carrier", $"[transfer to {number}: {_carrier.DialOutcome}]"));
                    if (verb.Attribute("action")?.Value is { } dialAction)
                    {
                        return await FetchAsync(dialAction, DialResult(), cancellationToken);
                    }

                    break;

                case "Enqueue":
                    IsOnHold = true;
                    Queue = verb.Value.Trim();
                    if (verb.Attribute("waitUrl")?.Value is { } waitUrl)
                    {
                        var music = await FetchAsync(waitUrl, [new("QueuePosition", "1"), new("QueueTime", "0")], cancellationToken);
                        foreach (var say in music?.Elements("Say") ?? [])
                        {
                            Hear(say.Value);
                        }
                    }

                    return null;

                case "Hangup" or "Reject":
                    await EndAsync(CarrierStatus.Completed, cancellationToken, SimulatedCallEnd.AppHungUp);
                    return null;

                default:
                    throw new SimulatedCarrierException($"Twilio does not know the verb <{verb.Name.LocalName}>.");
            }
        }

        // Nothing left to do: Twilio hangs up.
        await EndAsync(CarrierStatus.Completed, cancellationToken, SimulatedCallEnd.DocumentRanOut);
        return null;
    }

    private List<KeyValuePair<string, string>> DialResult() =>
    [
        new("DialCallStatus", _carrier.DialOutcome),
        new("DialCallSid", CarrierSimulator.NewSid("CA")),
        new("DialCallDuration", _carrier.DialOutcome == "completed" ? "42" : "0"),
    ];

    private void Hear(string text)
    {
        _transcript.Add(new SimulatedLine("assistant", text));
        _heard.Add(text);
    }

    private async Task Locked(Func<Task> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await work();
        }
        finally
        {
            _gate.Release();
            Changed?.Invoke();
        }
    }
}
