using CallFlow.Domain.Calls;
using CallFlow.Web.Businesses;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Telephony;

public class SimulatedCarrierClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<OutboxMessage>> OutboxAsync(TelephonyApp app)
    {
        await using var db = app.Db();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Token);
    }

    /// <summary>Waits (bounded) for the background carrier to get somewhere; the assertion is on the state, not the time.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 200 && !done(value); i++)
        {
            await Task.Delay(50, Token);
            value = await read();
        }

        return value;
    }

    [Fact]
    public async Task In_simulated_mode_the_carrier_client_is_the_outbox()
    {
        await using var app = new TelephonyApp();

        app.Service<ICarrierClient>().ShouldBeOfType<SimulatedCarrierClient>();
    }

    [Fact]
    public async Task A_text_message_becomes_an_outbox_row_and_nothing_leaves_the_machine()
    {
        await using var app = new TelephonyApp();

        var sent = await app.Service<ICarrierClient>().SendMessageAsync(
            new OutboundMessage("+12125550100", TelephonyApp.DemoNumber, "See you tomorrow at 3 pm.", DemoBusiness.Id), Token);

        sent.MessageSid.ShouldStartWith("SM");
        var row = (await OutboxAsync(app)).ShouldHaveSingleItem();
        (row.Kind, row.CarrierSid, row.To, row.From, row.Body, row.Status, row.BusinessId)
            .ShouldBe((OutboxKind.Message, sent.MessageSid, "+12125550100", TelephonyApp.DemoNumber, "See you tomorrow at 3 pm.", "sent", DemoBusiness.Id));
    }

    [Fact]
    public async Task A_message_longer_than_Twilio_takes_is_refused_as_Twilio_would()
    {
        await using var app = new TelephonyApp();

        await Should.ThrowAsync<ArgumentException>(() => app.Service<ICarrierClient>().SendMessageAsync(
            new OutboundMessage("+12125550100", TelephonyApp.DemoNumber, new string('a', 1601)), Token));
        (await OutboxAsync(app)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_placed_call_waits_in_the_outbox_when_nobody_answers_simulated_calls()
    {
        await using var app = new TelephonyApp();
        app.With("Carrier:AnswerSimulatedCalls", "false");

        var placed = await app.Service<ICarrierClient>().PlaceCallAsync(new OutboundCallRequest("+12125550100", TelephonyApp.DemoNumber, DemoBusiness.Id), Token);

        placed.CallSid.ShouldStartWith("CA");
        var row = (await OutboxAsync(app)).ShouldHaveSingleItem();
        (row.Kind, row.CarrierSid, row.Status, row.Url).ShouldBe((OutboxKind.Call, placed.CallSid, "queued", WebhookUrls.Outbound));
    }

    [Fact]
    public async Task A_placed_call_is_rung_and_answered_by_the_simulator_through_the_webhooks()
    {
        await using var app = new TelephonyApp();
        var carrier = app.Service<ICarrierClient>();

        var placed = await carrier.PlaceCallAsync(new OutboundCallRequest(TelephonyApp.Caller, TelephonyApp.DemoNumber, DemoBusiness.Id), Token);
        var call = await StatusCallbackTests.CreateOutboundAsync(app, placed.CallSid);

        var answered = await EventuallyAsync(() => app.CallAsync(call.CallSid), c => c!.State == CallState.Connected);
        (answered!.State, answered.CarrierStatus).ShouldBe((CallState.Connected, "in-progress"));
        var worker = app.Service<SimulatedCarrierWorker>();
        var leg = (await EventuallyAsync(() => Task.FromResult(worker.Live.GetValueOrDefault(placed.CallSid)), l => l is not null))!;
        leg.LastPrompt.ShouldStartWith("Hello, this is Demo Salon returning your call.");
        (await EventuallyAsync(() => OutboxAsync(app), rows => rows[0].Status == "answered"))[0].Status.ShouldBe("answered");

        await carrier.EndCallAsync(placed.CallSid, Token);

        var ended = await EventuallyAsync(() => app.CallAsync(call.CallSid), c => c!.State.IsTerminal());
        (ended!.State, ended.CarrierStatus).ShouldBe((CallState.Ended, "completed"));
        (await EventuallyAsync(() => OutboxAsync(app), rows => rows[0].Status == "completed"))[0].Status.ShouldBe("completed");
    }

    [Fact]
    public async Task On_a_real_server_the_simulator_finds_the_app_by_its_listening_address()
    {
        await using var app = new TelephonyApp { OverLoopback = true };
        app.UseKestrel(0);
        app.StartServer();

        var placed = await app.Service<ICarrierClient>().PlaceCallAsync(new OutboundCallRequest(TelephonyApp.Caller, TelephonyApp.DemoNumber, DemoBusiness.Id), Token);
        await StatusCallbackTests.CreateOutboundAsync(app, placed.CallSid);

        var answered = await EventuallyAsync(() => app.CallAsync(placed.CallSid), c => c!.State == CallState.Connected);
        (answered!.State, answered.CarrierStatus).ShouldBe((CallState.Connected, "in-progress"));
    }

    [Fact]
    public async Task A_live_simulated_call_follows_a_redirect_from_the_console()
    {
        await using var app = new TelephonyApp();
        var carrier = app.Service<ICarrierClient>();
        var worker = app.Service<SimulatedCarrierWorker>();
        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);
        worker.Track(leg);

        await carrier.RedirectCallAsync(leg.CallSid, CallInstructions.FromTwiml("<Response><Say>Staff here.</Say><Hangup/></Response>"), Token);

        var over = await EventuallyAsync(() => Task.FromResult(leg.IsOver), isOver => isOver);
        over.ShouldBeTrue();
        leg.LastPrompt.ShouldBe("Staff here.");
    }

    [Fact]
    public async Task The_simulator_answers_an_outbound_call_it_is_handed_directly()
    {
        await using var app = new TelephonyApp();
        var call = await StatusCallbackTests.CreateOutboundAsync(app);

        var leg = await app.Carrier().AnswerOutboundAsync(call.CallSid, call.From, call.To, cancellationToken: Token);
        await leg.SayAsync("I wanted a color", cancellationToken: Token);

        leg.LastPrompt.ShouldEndWith("What day would you like to come in?");
        await leg.HangUpAsync(Token);
        var stored = (await app.CallAsync(call.CallSid))!;
        (stored.State, stored.CarrierStatus, stored.CarrierSequence).ShouldBe((CallState.Failed, "completed", 3));
    }

    [Fact]
    public async Task A_callback_nobody_picks_up_fails_as_not_answered()
    {
        await using var app = new TelephonyApp();
        var call = await StatusCallbackTests.CreateOutboundAsync(app);

        var leg = await app.Carrier().MissOutboundAsync(call.CallSid, call.From, call.To, CarrierStatus.Busy, Token);

        leg.IsOver.ShouldBeTrue();
        (await app.CallAsync(call.CallSid))!.State.ShouldBe(CallState.Failed);
    }
}
