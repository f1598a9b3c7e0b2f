using CallFlow.Web.Telephony;

namespace CallFlow.Tests.Web.Telephony;

public class WebhookConcurrencyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_webhook_beyond_the_limit_waits_for_a_free_slot_and_is_then_answered()
    {
        await using var app = new TelephonyApp();
        app.With("Twilio:MaxConcurrentWebhooks", "1");
        var slots = app.Service<WebhookSlots>();
        var carrier = app.Carrier();

        await slots.Gate.WaitAsync(Token);
        var dialing = carrier.DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);
        var first = await Task.WhenAny(dialing, Task.Delay(TimeSpan.FromMilliseconds(300), Token));
        first.ShouldNotBe(dialing, "the only slot is taken, so the incoming webhook must wait");

        slots.Gate.Release();
        var leg = await dialing;
        leg.LastPrompt.ShouldStartWith("Thanks for calling Demo Salon!");
        slots.Gate.CurrentCount.ShouldBe(1);
    }

    [Fact]
    public async Task Many_calls_at_once_are_all_answered_through_a_few_slots()
    {
        await using var app = new TelephonyApp();
        app.With("Twilio:MaxConcurrentWebhooks", "2");
        var carrier = app.Carrier();

        var legs = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => carrier.DialAsync($"+1212555{i:0000}", TelephonyApp.DemoNumber, Token)));

        legs.ShouldAllBe(leg => leg.LastPrompt.StartsWith("Thanks for calling Demo Salon!"));
        app.Service<WebhookSlots>().Gate.CurrentCount.ShouldBe(2);
    }
}
