using System.Globalization;
using System.Xml.Linq;
using CallFlow.Web.Telephony.Simulator;

namespace CallFlow.Bench;

/// <summary>
/// The baseline's caller: the same requests as a booking call (the incoming webhook, five answers, the completed
/// status), signed the same way, with the same form fields, each answer read and parsed as TwiML, all sent to the
/// fixed-TwiML <see cref="BaselineEndpoint"/>, paced by the same think time. What it measures is the client,
/// loopback and Kestrel: the floor.
/// </summary>
public static class BaselineCaller
{
    private const int Answers = 5;

    public static async Task<CallResult> PlayAsync(CarrierSimulator carrier, CallPlan plan, TimeSpan thinkTime, CancellationToken cancellationToken)
    {
        var sid = "CA" + Guid.NewGuid().ToString("N");
        try
        {
            await FetchAsync(carrier, Form(carrier, sid, plan, "ringing"), cancellationToken);
            for (var i = 0; i < Answers; i++)
            {
                if (thinkTime > TimeSpan.Zero)
                {
                    await Task.Delay(BookingCaller.Jitter(thinkTime, plan.Index + i), cancellationToken);
                }

                var form = Form(carrier, sid, plan, "in-progress");
                form.Add(new("SpeechResult", plan.Request));
                form.Add(new("Confidence", "0.92"));
                await FetchAsync(carrier, form, cancellationToken);
            }

            var status = Form(carrier, sid, plan, "completed");
            status.Add(new("SequenceNumber", "0"));
            status.Add(new("CallDuration", "42"));
            await FetchAsync(carrier, status, cancellationToken);
            return new CallResult(plan, sid, CallEnd.Booked, Answers, false, null);
        }
        catch (Exception e) when (e is SimulatedCarrierException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new CallResult(plan, sid, CallEnd.Failed, 0, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static List<KeyValuePair<string, string>> Form(CarrierSimulator carrier, string sid, CallPlan plan, string status) =>
    [
        new("AccountSid", carrier.AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", sid),
        new("CallStatus", status),
        new("Direction", "inbound"),
        new("From", plan.From),
        new("To", plan.To),
        new("Caller", plan.From),
        new("Called", plan.To),
        new("Timestamp", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture)),
    ];

    private static async Task FetchAsync(CarrierSimulator carrier, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var response = await carrier.PostAsync(BaselineEndpoint.Path, form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || XDocument.Parse(body).Root?.Name.LocalName != "Response")
        {
            throw new SimulatedCarrierException($"The baseline answered {(int)response.StatusCode}: {body}");
        }
    }
}
