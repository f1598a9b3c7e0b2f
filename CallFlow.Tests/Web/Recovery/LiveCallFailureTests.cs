using System.Xml.Linq;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>
/// voice_synthesis_failed and generic failures end to end: Twilio calls the fallback URL with an error code while the
/// caller is still on the line, and the answer keeps them talking to someone.
/// </summary>
public class LiveCallFailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<XElement> PostAsync(CarrierSimulator carrier, string path, string callSid, params (string Key, string Value)[] extra)
    {
        using var response = await carrier.PostAsync(path, TelephonyApp.CallForm(callSid, extra: extra), Token);
        response.EnsureSuccessStatusCode();
        return XDocument.Parse(await response.Content.ReadAsStringAsync(Token)).Root!;
    }

    private static Task<XElement> FallbackAsync(CarrierSimulator carrier, string callSid, string errorCode) =>
        PostAsync(carrier, WebhookUrls.Fallback, callSid, ("ErrorCode", errorCode), ("ErrorUrl", carrier.Url(WebhookUrls.Turn)));

    private static XElement SpokenPrompt(XElement twiml) => twiml.Descendants("Say").Last();

    [Fact]
    public async Task A_speech_synthesis_failure_repeats_the_reply_with_the_fallback_voice_then_with_the_carrier_default()
    {
        await using var app = Conversations.OpenSalon();
        var carrier = app.Carrier();
        var leg = await app.DialAsync(carrier);
        await leg.SpeakAsync("a haircut please");
        var asked = leg.LastPrompt;

        var fallback = SpokenPrompt(await FallbackAsync(carrier, leg.CallSid, "13511"));
        var plain = SpokenPrompt(await FallbackAsync(carrier, leg.CallSid, "13520"));
        var next = SpokenPrompt(await PostAsync(carrier, WebhookUrls.Turn, leg.CallSid, ("SpeechResult", "Friday"), ("Confidence", "0.9")));

        (fallback.Value, fallback.Attribute("voice")?.Value).ShouldBe((asked, "alice"));
        (plain.Value, plain.Attribute("voice")).ShouldBe((asked, null));
        (next.Value, next.Attribute("voice")).ShouldBe(("And what time suits you?", null), "the call keeps the voice that works");
        var notes = (await app.AuditAsync(leg.CallSid)).Where(t => t.Trigger == CallTrigger.RecoveryDecided).Select(t => t.Detail).ToList();
        notes.ShouldBe([
            "recovery: voice_synthesis_failed → repeat the reply with the fallback voice (carrier error 13511)",
            "recovery: voice_synthesis_failed → repeat the reply with the carrier's default voice (carrier error 13520)",
        ]);
        await using var db = app.Db();
        var call = (await app.CallAsync(leg.CallSid))!;
        (await db.ConversationTurns.CountAsync(t => t.CallId == call.Id, Token)).ShouldBe(3, "a repeated reply is not a new exchange");
    }

    [Fact]
    public async Task An_unexpected_failure_during_opening_hours_puts_the_caller_through_to_staff()
    {
        await using var app = Conversations.OpenSalon();
        var carrier = app.Carrier();
        var leg = await app.DialAsync(carrier);
        await leg.SpeakAsync("what are your opening hours?");

        var twiml = await FallbackAsync(carrier, leg.CallSid, "11200");

        twiml.Element("Say")!.Value.ShouldBe("I'm sorry, something went wrong on our side. Let me put you through to someone at Demo Salon.");
        twiml.Element("Dial")!.Element("Number")!.Value.ShouldBe("+12125550147");
        var transfer = (await app.AuditAsync(leg.CallSid))[^1];
        (transfer.To, transfer.Trigger, transfer.Detail).ShouldBe((CallState.Transferring, CallTrigger.TransferRequested,
            "recovery: generic → transfer to staff at +12125550147 (carrier error 11200)"));
    }

    [Fact]
    public async Task An_unexpected_failure_after_hours_takes_a_message_that_is_texted_to_the_owner()
    {
        await using var app = new TelephonyApp(clock: Conversations.SaturdayEvening());
        var carrier = app.Carrier();
        var leg = await app.DialAsync(carrier);

        var twiml = await FallbackAsync(carrier, leg.CallSid, "11200");
        SpokenPrompt(twiml).Value.ShouldBe("I can take a message for the team. Please tell me your name, your number and what you'd like me to pass on.");
        var thanks = await PostAsync(carrier, WebhookUrls.Turn, leg.CallSid, ("SpeechResult", "this is Dana, please call me about a color"), ("Confidence", "0.9"));
        await app.RunDueJobsAsync();

        thanks.Element("Say")!.Value.ShouldBe("Thank you, I'll pass your message on to the team. Goodbye!");
        var text = (await app.OutboxAsync(OutboxKind.Message)).ShouldHaveSingleItem();
        (text.To, text.Body).ShouldBe(("+12125550147", $"Demo Salon: message from {TelephonyApp.Caller}: \"this is Dana, please call me about a color\""));
        (await app.AuditAsync(leg.CallSid)).ShouldContain(t => t.Detail == "recovery: generic → take a message: outside opening hours (carrier error 11200)");
    }
}
