using Bunit;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Metrics;
using CallFlow.Web.Businesses;
using CallFlow.Web.Components.Pages.Metrics;
using CallFlow.Web.Data;
using CallFlow.Web.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using static CallFlow.Tests.Web.Metrics.MetricsSeed;

namespace CallFlow.Tests.Web.Components.Pages.Metrics;

/// <summary>The metrics page against a real app whose clock stands at Thursday 5 March 2026, 17:00 in New York.</summary>
public class MetricsPageTests : ConsoleContext, IAsyncLifetime
{
    private readonly CallFlowApp _app = new(clock: new FakeTimeProvider(DateTimeOffset.Parse("2026-03-05T22:00:00Z")));

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Services.AddSingleton(_app.Service<IDbContextFactory<CallFlowDb>>());
        Services.AddSingleton(_app.Service<MetricsQueries>());
        Services.AddSingleton(_app.Service<TimeProvider>());
        Services.AddScoped<BusinessScope>();
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private Task SeedWeekAsync(long? version = null) => _app.SeedAsync(
        new SeededCall("2026-03-03 09:15", CallOutcome.Booked) { WantsToBook = true, FlowVersionId = version, Steps = WholeBooking(), TurnsMs = [120, 80] },
        new SeededCall("2026-03-04 10:00", CallOutcome.Transferred)
        {
            WantsToBook = true, FlowVersionId = version, Steps = [Entered("service"), Completed("service", 1_500), Entered("date"), Failed("date", CallFlow.Domain.Conversation.StepFailureReason.NoMatch)],
        },
        new SeededCall("2026-03-05 11:00", CallOutcome.InquiryAnswered) { FlowVersionId = version, TurnsMs = [40], Callbacks = [CallFlow.Web.Calls.CallbackStatus.Placed] });

    private IRenderedComponent<MetricsPage> RenderPage(StaffAccount account)
    {
        SignInAs(account);
        Render<MudPopoverProvider>();
        var page = Render<MetricsPage>();
        page.WaitForState(() => page.FindAll("[data-testid=loading]").Count == 0
            && page.FindAll("[data-testid=headline], [data-testid=metrics-empty], [data-testid=no-business]").Count > 0);
        return page;
    }

    private static string Cell(IRenderedComponent<MetricsPage> page, string table, string row, string column) =>
        page.Find($"[data-testid=table-{table}] tr[data-row='{row}'] td[data-column='{column}']").TextContent;

    [Fact]
    public async Task The_last_seven_days_show_as_charts_headline_and_tables()
    {
        await SeedWeekAsync();

        var page = RenderPage(_app.DemoOwner());

        page.Find("[data-testid=headline-calls]").TextContent.ShouldBe("3");
        page.Find("[data-testid=headline-booked]").TextContent.ShouldBe("1");
        page.Find("[data-testid=headline-p95]").TextContent.ShouldBe("120 ms");
        foreach (var chart in new[] { "funnel", "outcomes", "hours", "latency" })
        {
            page.Find($"[data-testid=chart-{chart}]").QuerySelector("svg").ShouldNotBeNull($"the {chart} chart is drawn");
        }

        Cell(page, "funnel", "Date", "Reached").ShouldBe("2");
        Cell(page, "funnel", "Date", "Top drop-off reasons").ShouldBe("no match 1");
        Cell(page, "outcomes_by_day", "2026-03-03", "booked").ShouldBe("1");
        Cell(page, "busiest_hours", "Wednesday", "10").ShouldBe("1");
        page.FindAll("[data-testid=table-outcomes_by_day] tbody tr").Count.ShouldBe(7, "27 February to 5 March");
    }

    [Fact]
    public async Task The_CSV_behind_the_export_button_lists_exactly_what_the_tables_show()
    {
        await SeedWeekAsync();
        var page = RenderPage(_app.DemoFrontDesk());
        using var browser = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());

        var href = page.Find("[data-testid=export]").GetAttribute("href")!;
        var csv = CsvText.Parse(await browser.GetStringAsync(href, Token)).Skip(1)
            .ToDictionary(r => (r[1], r[2], r[3]), r => r[4]);

        var cells = 0;
        foreach (var table in page.FindAll("[data-testid^=table-]"))
        {
            var section = table.GetAttribute("data-testid")!["table-".Length..];
            foreach (var cell in table.QuerySelectorAll("tbody td[data-column]"))
            {
                var row = cell.ParentElement!.GetAttribute("data-row")!;
                csv[(section, row, cell.GetAttribute("data-column")!)].ShouldBe(cell.TextContent, $"{section} / {row} / {cell.GetAttribute("data-column")}");
                cells++;
            }
        }

        cells.ShouldBe(csv.Count, "every figure of the CSV is on the page");
    }

    [Fact]
    public void A_week_without_calls_says_so()
    {
        var page = RenderPage(_app.DemoOwner());

        page.Find("[data-testid=metrics-empty]").TextContent.ShouldContain("No calls started in these days");
        page.FindAll("[data-testid^=chart-]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_version_compares_stage_by_stage()
    {
        var v1 = await _app.DemoFlowVersionAsync();
        var v2 = await _app.AddFlowVersionAsync(2, "service", "date", "time", "contact");
        await SeedWeekAsync(v1);
        await _app.SeedAsync(new SeededCall("2026-03-04 12:00", CallOutcome.Booked) { WantsToBook = true, FlowVersionId = v2, Steps = WholeBooking() });
        var page = RenderPage(_app.DemoOwner());

        await Choose(page, "version", v1.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Choose(page, "compare", v2.ToString(System.Globalization.CultureInfo.InvariantCulture));

        page.WaitForAssertion(() => page.Find("[data-testid=comparison] tr[data-row=booked] td[data-column=difference]").TextContent.ShouldBe("+66.7"));
        page.Find("[data-testid=headline-calls]").TextContent.ShouldBe("3", "the headline is version 1's");
        page.Find("[data-testid=export]").GetAttribute("href").ShouldEndWith($"&version={v1}&compare={v2}");
    }

    [Fact]
    public async Task Staff_of_two_businesses_pick_one_and_never_see_another_business()
    {
        var harbor = await _app.AddSecondBusinessAsync();
        await SeedWeekAsync();
        var both = await _app.AddStaffAsync("both@example.test", (DemoBusiness.Id, CallFlow.Web.Identity.StaffRole.FrontDesk), (harbor.Id, CallFlow.Web.Identity.StaffRole.FrontDesk));

        var page = RenderPage(both);
        page.Find("[data-testid=headline-calls]").TextContent.ShouldBe("3");
        await Choose(page, "business", harbor.Id);

        page.WaitForAssertion(() => page.Find("[data-testid=metrics-empty]"));
    }

    [Fact]
    public async Task Staff_of_one_business_get_no_picker_and_none_of_the_demo_figures()
    {
        var harbor = await _app.AddSecondBusinessAsync();
        await SeedWeekAsync();

        var page = RenderPage(harbor.FrontDesk);

        page.FindAll("[data-testid=business]").ShouldBeEmpty();
        page.Find("[data-testid=metrics-empty]");
        page.Markup.ShouldNotContain("Demo Salon");
    }

    private static async Task Choose(IRenderedComponent<MetricsPage> page, string select, string value)
    {
        var picker = page.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), select));
        await picker.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(value));
    }
}
