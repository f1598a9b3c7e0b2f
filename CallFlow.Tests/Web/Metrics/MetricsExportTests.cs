using System.Net;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Identity;
using CallFlow.Web.Metrics;
using static CallFlow.Tests.Web.Metrics.MetricsSeed;

namespace CallFlow.Tests.Web.Metrics;

/// <summary><c>/metrics/export.csv</c> as staff browsers fetch it.</summary>
public class MetricsExportTests : IAsyncLifetime
{
    private static readonly MetricsRequest Week = new(DemoBusiness.Id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8));
    private readonly CallFlowApp _app = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.SeedAsync(
        new SeededCall("2026-03-03 09:15", CallOutcome.Booked) { WantsToBook = true, Steps = WholeBooking(), TurnsMs = [120, 80] },
        new SeededCall("2026-03-04 10:00", CallOutcome.InquiryAnswered) { TurnsMs = [40] });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Staff_download_the_figures_as_RFC_4180_lines_of_equal_width()
    {
        using var browser = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());

        var response = await browser.GetAsync(MetricsExportEndpoint.UrlFor(Week), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("metrics-demo-salon-2026-03-02-2026-03-08.csv");
        var records = CsvText.Parse(await response.Content.ReadAsStringAsync(Token));
        records[0].ShouldBe(["flow_version", "section", "row", "column", "value"]);
        records.ShouldAllBe(r => r.Length == 5);
        records.ShouldContain(r => r.SequenceEqual(new[] { "All versions", "summary", "Calls", "Value", "2" }));
        records.ShouldContain(r => r.SequenceEqual(new[] { "All versions", "funnel", "Booked", "Reached", "1" }));
        records.ShouldContain(r => r.SequenceEqual(new[] { "All versions", "funnel", "Calls", "Top drop-off reasons", "inquiry answered 1" }));
        records.ShouldContain(r => r.SequenceEqual(new[] { "All versions", "latency", "p95 (ms)", "Value", "120.0" }));
        records.ShouldContain(r => r.SequenceEqual(new[] { "All versions", "outcomes_by_day", "2026-03-03", "booked", "1" }));
    }

    [Fact]
    public async Task Another_business_figures_are_not_found_and_its_own_carry_none_of_the_demo_calls()
    {
        var harbor = await _app.AddSecondBusinessAsync();
        using var browser = await _app.SignedInBrowserAsync(harbor.Owner);

        (await browser.GetAsync(MetricsExportEndpoint.UrlFor(Week), Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = CsvText.Parse(await browser.GetStringAsync(MetricsExportEndpoint.UrlFor(Week with { BusinessId = harbor.Id }), Token));
        own.ShouldContain(r => r.SequenceEqual(new[] { "All versions", "summary", "Calls", "Value", "0" }));
    }

    [Theory]
    [InlineData("?business=demo-salon&from=2026-03-08&to=2026-03-02")]
    [InlineData("?business=demo-salon&from=2025-01-01&to=2026-03-02")]
    [InlineData("?business=demo-salon&from=2026-03-02")]
    [InlineData("?from=2026-03-02&to=2026-03-08")]
    [InlineData("?business=demo-salon&from=last-week&to=2026-03-08")]
    public async Task A_missing_or_impossible_period_is_a_bad_request(string query)
    {
        using var browser = await _app.SignedInBrowserAsync(_app.DemoOwner());

        (await browser.GetAsync(MetricsExportEndpoint.Path + query, Token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var browser = _app.CreateBrowser();

        var response = await browser.GetAsync(MetricsExportEndpoint.UrlFor(Week), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldStartWith(StaffSignIn.LoginPath);
    }
}
