using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;

namespace CallFlow.Tests.Web.Identity;

/// <summary>Two businesses in one app: a user of one gets nothing of the other, whatever URL they type.</summary>
public class BusinessIsolationTests : IAsyncLifetime
{
    private const string DemoCaller = "+16465550101";
    private const string HarborCaller = "+13125550202";

    // Pages encode the plus sign, so assertions look for the digits.
    private static readonly string DemoDigits = DemoCaller[1..];
    private static readonly string HarborDigits = HarborCaller[1..];

    private readonly CallFlowApp _app = new();
    private SampleBusiness _harbor = null!;
    private Call _demoCall = null!;
    private Call _harborCall = null!;

    public async ValueTask InitializeAsync()
    {
        _harbor = await _app.AddSecondBusinessAsync();
        _demoCall = await _app.StartAsync(from: DemoCaller);
        _harborCall = await _app.StartAsync(from: HarborCaller, to: _harbor.PhoneNumber);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_business_s_call_detail_is_not_found_by_url()
    {
        using var desk = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());

        var theirs = await desk.GetStringAsync($"/calls/{_harborCall.Id}", Token);
        var ours = await desk.GetStringAsync($"/calls/{_demoCall.Id}", Token);

        theirs.ShouldContain("data-testid=\"call-not-found\"");
        theirs.ShouldNotContain(HarborDigits);
        theirs.ShouldNotContain(_harborCall.CallSid);
        ours.ShouldNotContain("data-testid=\"call-not-found\"");
        ours.ShouldContain(_demoCall.CallSid);
        ours.ShouldContain(DemoDigits);
    }

    [Fact]
    public async Task The_csv_export_holds_only_the_signed_in_user_s_businesses()
    {
        using var demoDesk = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());
        using var harborDesk = await _app.SignedInBrowserAsync(_harbor.FrontDesk);

        var demoCsv = await demoDesk.GetStringAsync(CallExportEndpoint.Path, Token);
        var harborCsv = await harborDesk.GetStringAsync(CallExportEndpoint.Path, Token);

        demoCsv.ShouldContain(_demoCall.CallSid);
        demoCsv.ShouldNotContain(_harborCall.CallSid);
        harborCsv.ShouldContain(_harborCall.CallSid);
        harborCsv.ShouldNotContain(_demoCall.CallSid);
    }

    [Fact]
    public async Task The_live_board_lists_only_the_user_s_own_calls()
    {
        using var harborDesk = await _app.SignedInBrowserAsync(_harbor.FrontDesk);

        var board = await harborDesk.GetStringAsync("/", Token);

        board.ShouldContain(HarborDigits);
        board.ShouldNotContain(DemoDigits);
    }

    [Fact]
    public async Task An_owner_sees_the_settings_of_their_own_business_only()
    {
        using var harborOwner = await _app.SignedInBrowserAsync(_harbor.Owner);

        var settings = await harborOwner.GetStringAsync("/settings", Token);

        settings.ShouldContain(_harbor.Name);
        settings.ShouldNotContain("Demo Salon");
        settings.ShouldNotContain("125 Bedford Avenue");
    }
}
