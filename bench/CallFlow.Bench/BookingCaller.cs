using CallFlow.Web.Telephony.Simulator;

namespace CallFlow.Bench;

/// <summary>How a simulated call went, from the caller's side.</summary>
public enum CallEnd
{
    /// <summary>Booked, confirmed, and the app hung up after "You're all set!".</summary>
    Booked,

    /// <summary>The app answered, but not what a booking conversation says (an unexpected prompt, or no booking).</summary>
    Unexpected,

    /// <summary>A request failed: refused (not 2xx), not TwiML, or the connection broke.</summary>
    Failed,
}

/// <summary>One call's result: its CallSid (null when the dial itself failed), how it ended, and what the caller said.</summary>
public sealed record CallResult(CallPlan Plan, string? CallSid, CallEnd End, int Utterances, bool OfferedAlternatives, string? Problem);

/// <summary>
/// A caller who wants an appointment, played over the carrier simulator against the real webhooks: asks the plan's
/// questions, asks for a service on a date at a time, gives a name and number, corrects the time at the read-back,
/// takes the first alternative when a time is not free, and confirms. The call ends when the app hangs up, and the
/// simulator reports it <c>completed</c>.
/// </summary>
public static class BookingCaller
{
    // A booking takes 6 to 12 answers. Hundreds of callers racing for the same afternoons add rounds of "that one has
    // just gone, I can do …" (offered alternatives are not held); past this many the conversation counts as broken.
    private const int MaxUtterances = 40;

    public static async Task<CallResult> PlayAsync(CarrierSimulator carrier, CallPlan plan, TimeSpan thinkTime, CancellationToken cancellationToken)
    {
        SimulatedCall? leg = null;
        var said = 0;
        var alternatives = false;
        try
        {
            leg = await carrier.DialAsync(plan.From, plan.To, cancellationToken);
            var questions = new Queue<string>(plan.Questions);
            var corrected = false;
            while (!leg.IsOver)
            {
                if (!leg.IsListening || said >= MaxUtterances)
                {
                    return await UnexpectedAsync(leg, plan, said, alternatives, said >= MaxUtterances ? "too many turns: " + Tail(leg) : "the app stopped listening", cancellationToken);
                }

                var prompt = leg.LastPrompt;
                string? answer;
                if (prompt.Contains("Shall I book that", StringComparison.Ordinal))
                {
                    answer = corrected ? "yes" : plan.Correction;
                    corrected = true;
                }
                else if (prompt.Contains("Which would you like", StringComparison.Ordinal) || prompt.Contains("Would that work for you", StringComparison.Ordinal))
                {
                    alternatives = true;
                    answer = prompt.Contains("Which would you like", StringComparison.Ordinal) ? "the first one" : "yes";
                }
                else if (prompt.Contains("name and the best number", StringComparison.Ordinal))
                {
                    answer = plan.Contact;
                }
                else if (questions.Count > 0 && (said == 0 || prompt.Contains("book an appointment?", StringComparison.Ordinal) || prompt.Contains("anything else", StringComparison.OrdinalIgnoreCase)))
                {
                    answer = questions.Dequeue();
                }
                else if (prompt.EndsWith("How can I help you today?", StringComparison.Ordinal) || prompt.Contains("book an appointment?", StringComparison.Ordinal))
                {
                    answer = plan.Request;
                }
                else
                {
                    answer = Answer(plan, prompt);
                }

                if (answer is null)
                {
                    return await UnexpectedAsync(leg, plan, said, alternatives, $"unexpected prompt: {prompt}", cancellationToken);
                }

                if (thinkTime > TimeSpan.Zero)
                {
                    await Task.Delay(Jitter(thinkTime, plan.Index + said), cancellationToken);
                }

                await leg.SayAsync(answer, cancellationToken: cancellationToken);
                said++;
            }

            return leg.LastPrompt.StartsWith("You're all set!", StringComparison.Ordinal) && leg.EndedBy == SimulatedCallEnd.AppHungUp
                ? new CallResult(plan, leg.CallSid, CallEnd.Booked, said, alternatives, null)
                : new CallResult(plan, leg.CallSid, CallEnd.Unexpected, said, alternatives, $"ended without a booking ({leg.EndedBy}): {leg.LastPrompt}");
        }
        catch (Exception e) when (e is SimulatedCarrierException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new CallResult(plan, leg?.CallSid, CallEnd.Failed, said, alternatives, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The booking steps the flow may still ask one by one.</summary>
    private static string? Answer(CallPlan plan, string prompt) => prompt switch
    {
        _ when prompt.Contains("Which service", StringComparison.Ordinal) => plan.Service,
        _ when prompt.Contains("What day", StringComparison.Ordinal) => CallPlan.Spoken(plan.Date),
        _ when prompt.Contains("what time", StringComparison.OrdinalIgnoreCase) => CallPlan.Spoken(plan.Time),
        _ when prompt.Contains("best number", StringComparison.Ordinal) => plan.Contact,
        _ when prompt.Contains("your name", StringComparison.Ordinal) => plan.Name,
        _ => null,
    };

    /// <summary>The last exchanges of a conversation that went round in circles, for the report.</summary>
    private static string Tail(SimulatedCall leg) => string.Join(" | ", leg.Transcript.TakeLast(6).Select(line => $"{line.Speaker}: {line.Text}"));

    private static async Task<CallResult> UnexpectedAsync(SimulatedCall leg, CallPlan plan, int said, bool alternatives, string problem, CancellationToken cancellationToken)
    {
        if (!leg.IsOver)
        {
            await leg.HangUpAsync(cancellationToken);
        }

        return new CallResult(plan, leg.CallSid, CallEnd.Unexpected, said, alternatives, problem);
    }

    internal static TimeSpan Jitter(TimeSpan think, int salt)
    {
        var third = think.TotalMilliseconds / 3;
        return TimeSpan.FromMilliseconds(think.TotalMilliseconds - third + new Random(salt).NextDouble() * 2 * third);
    }
}
