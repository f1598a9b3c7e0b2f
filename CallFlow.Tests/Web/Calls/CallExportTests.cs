using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;

namespace CallFlow.Tests.Web.Calls;

/// <summary><c>/calls/export.csv</c> as a front-desk browser downloads it.</summary>
public class CallExportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_call_is_one_row_and_a_test_call_from_the_console_says_so()
    {
        await using var app = new CallFlowApp();
        var real = await app.StartAsync(from: "+13105550100");
        var test = (await app.Orchestrator.StartInboundAsync(
            new InboundCall(CallFlow.Tests.Infrastructure.Calls.NewSid(), "+12125550199", CallFlow.Web.Businesses.DemoBusiness.DefaultPhoneNumber, new()) { IsTest = true }, Token)).Call!;
        using var desk = await app.SignedInBrowserAsync(app.DemoFrontDesk());

        var lines = (await desk.GetStringAsync(CallExportEndpoint.Path, Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var header = lines[0].Split(',');
        header[^1].ShouldBe("test_call");
        lines.Length.ShouldBe(3);
        lines.Single(l => l.StartsWith(real.Id, StringComparison.Ordinal)).Split(',')[^1].ShouldBe("");
        lines.Single(l => l.StartsWith(test.Id, StringComparison.Ordinal)).Split(',')[^1].ShouldBe("yes");
    }
}
