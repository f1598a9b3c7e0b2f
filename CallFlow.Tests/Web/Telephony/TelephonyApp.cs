using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallFlow.Tests.Web.Telephony;

/// <summary>
/// The real app with the carrier simulator wired to its in-memory server, plus shortcuts for signed webhooks.
/// Runs with the root appsettings.json, so signatures are validated with the dev token as in the demo.
/// </summary>
public sealed class TelephonyApp(string? databasePath = null, FakeTimeProvider? clock = null) : CallFlowApp(databasePath, clock)
{
    public const string DemoNumber = DemoBusiness.DefaultPhoneNumber;
    public const string Caller = "+12125550100";

    public string AuthToken => Service<IConfiguration>()["Twilio:AuthToken"]!;

    /// <summary>A carrier simulator over this app's test server (signing with its token).</summary>
    public CarrierSimulator Carrier(Uri? publicBaseUrl = null)
    {
        var http = CreateClient();
        return new CarrierSimulator(http, AuthToken, publicBaseUrl);
    }

    /// <summary>Posts a form to a webhook, signed for <c>http://localhost{path}</c> as Twilio would sign it.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string path, IReadOnlyList<KeyValuePair<string, string>> form) =>
        await Carrier().PostAsync(path, form, TestContext.Current.CancellationToken);

    /// <summary>Posts a form with the given signature header (or none).</summary>
    public async Task<HttpResponseMessage> PostWithSignatureAsync(string path, IReadOnlyList<KeyValuePair<string, string>> form, string? signature)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add(SignatureValidator.Header, signature);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static List<KeyValuePair<string, string>> CallForm(string callSid, string to = DemoNumber, string from = Caller, params (string Key, string Value)[] extra)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", CarrierSimulator.SimulatedAccountSid),
            new("ApiVersion", "2010-04-01"),
            new("CallSid", callSid),
            new("CallStatus", "ringing"),
            new("Direction", "inbound"),
            new("From", from),
            new("To", to),
            new("Caller", from),
            new("Called", to),
        };
        form.AddRange(extra.Select(e => KeyValuePair.Create(e.Key, e.Value)));
        return form;
    }

    /// <summary>The in-app simulator finds the server on its own over loopback (start the app with UseKestrel).</summary>
    public bool OverLoopback { get; init; }

    /// <summary>Extra registrations for one test (before the app starts).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Call rows of one CallSid, read fresh.</summary>
    public async Task<CallFlow.Web.Calls.Call?> CallAsync(string callSid)
    {
        await using var db = Db();
        return await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.CallSid == callSid, TestContext.Current.CancellationToken);
    }

    /// <summary>How many rows the webhooks could have written (calls, audit rows, turns, outbox).</summary>
    public async Task<(int Calls, int Transitions, int Turns, int Outbox)> RowCountsAsync()
    {
        await using var db = Db();
        var token = TestContext.Current.CancellationToken;
        return (await db.Calls.CountAsync(token), await db.CallTransitions.CountAsync(token), await db.ConversationTurns.CountAsync(token), await db.OutboxMessages.CountAsync(token));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            if (!OverLoopback)
            {
                services.AddSingleton(new SimulatorTransport(new Uri("http://localhost/"), () => Server.CreateHandler()));
            }

            TestServices?.Invoke(services);
        });
    }
}

/// <summary>Fresh Twilio-shaped call ids.</summary>
public static class Sids
{
    public static string New() => CallFlow.Tests.Infrastructure.Calls.NewSid();
}
