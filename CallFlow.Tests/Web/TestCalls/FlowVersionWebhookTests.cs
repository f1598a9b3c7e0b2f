using System.Net;
using CallFlow.Domain.Flows;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Businesses;
using CallFlow.Web.Conversation;
using CallFlow.Web.Telephony;

namespace CallFlow.Tests.Web.TestCalls;

/// <summary>The incoming webhook's test-call parameters (flowVersion, test): what a signed URL may ask for, and what is ignored.</summary>
public class FlowVersionWebhookTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<long> DraftAsync(TelephonyApp app, string businessId, string datePrompt)
    {
        var flow = DefaultFlows.Booking(CallFlow.Tests.Domain.Understanding.Salon.NewYork);
        flow = flow with { Steps = [.. flow.Steps.Select(s => s.Id == "date" ? s with { Prompt = datePrompt } : s)] };
        return (await app.Service<FlowStore>().SaveDraftAsync(businessId, FlowTypes.Booking, flow, "test", cancellationToken: Token)).Id;
    }

    /// <summary>The incoming webhook naming a flow version alone, without marking the call as a test.</summary>
    private static string IncomingFor(long flowVersionId) => $"{WebhookUrls.Incoming}?{WebhookUrls.FlowVersionParameter}={flowVersionId}";

    [Fact]
    public async Task A_signed_incoming_url_naming_a_draft_of_the_business_runs_that_draft()
    {
        await using var app = Conversations.OpenSalon();
        var draftId = await DraftAsync(app, DemoBusiness.Id, "Draft date question?");

        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, IncomingFor(draftId), Token);
        await leg.SpeakAsync("a haircut");

        leg.LastPrompt.ShouldBe("Draft date question?");
    }

    [Fact]
    public async Task A_version_of_another_business_is_ignored_and_the_published_flow_runs()
    {
        await using var app = Conversations.OpenSalon();
        var harbor = await CallFlow.Tests.Infrastructure.SecondBusiness.AddSecondBusinessAsync(app);
        var harborDraft = await DraftAsync(app, harbor.Id, "Harbor's date question?");

        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, IncomingFor(harborDraft), Token);
        await leg.SpeakAsync("a haircut");

        leg.LastPrompt.ShouldBe("What day would you like to come in?");
        (await app.CallAsync(leg.CallSid))!.Context.Conversation.FlowVersionId.ShouldBe(1);
    }

    [Fact]
    public async Task A_flow_version_added_to_a_url_signed_without_it_is_refused()
    {
        await using var app = Conversations.OpenSalon();
        var draftId = await DraftAsync(app, DemoBusiness.Id, "Draft?");
        var form = TelephonyApp.CallForm(Sids.New());
        var signedWithoutQuery = SignatureValidator.Compute(app.AuthToken, "http://localhost" + WebhookUrls.Incoming, form);

        var response = await app.PostWithSignatureAsync(IncomingFor(draftId), form, signedWithoutQuery);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.RowCountsAsync()).Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_signed_incoming_url_marked_as_a_test_records_a_test_call_running_the_live_flow()
    {
        await using var app = Conversations.OpenSalon();

        var test = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, WebhookUrls.TestIncoming(null), Token);
        var real = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, WebhookUrls.Incoming, Token);
        await test.SpeakAsync("a haircut");

        test.LastPrompt.ShouldBe("What day would you like to come in?");
        (await app.CallAsync(test.CallSid))!.IsTest.ShouldBeTrue();
        (await app.CallAsync(real.CallSid))!.IsTest.ShouldBeFalse();
    }

    [Fact]
    public async Task A_test_mark_added_to_a_url_signed_without_it_is_refused()
    {
        await using var app = Conversations.OpenSalon();
        var form = TelephonyApp.CallForm(Sids.New());
        var signedWithoutQuery = SignatureValidator.Compute(app.AuthToken, "http://localhost" + WebhookUrls.Incoming, form);

        var response = await app.PostWithSignatureAsync(WebhookUrls.TestIncoming(null), form, signedWithoutQuery);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.RowCountsAsync()).Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_malformed_flow_version_is_ignored()
    {
        await using var app = Conversations.OpenSalon();

        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, WebhookUrls.Incoming + "?flowVersion=drop%20table", Token);
        await leg.SpeakAsync("a haircut");

        leg.LastPrompt.ShouldBe("What day would you like to come in?");
        leg.IsOver.ShouldBe(false);
    }
}
