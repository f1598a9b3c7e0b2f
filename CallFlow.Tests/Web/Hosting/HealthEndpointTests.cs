using System.Net;
using System.Net.Http.Json;
using CallFlow.Tests.Infrastructure;

namespace CallFlow.Tests.Web.Hosting;

public class HealthEndpointTests
{
    [Fact]
    public async Task Health_answers_200_once_the_database_is_ready()
    {
        await using var app = new CallFlowApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(TestContext.Current.CancellationToken);
        body!["status"].ToString().ShouldBe("healthy");
    }

    [Fact]
    public async Task The_console_pages_render_over_http_for_a_signed_in_owner()
    {
        await using var app = new CallFlowApp();
        using var client = await app.SignedInBrowserAsync(app.DemoOwner());

        foreach (var path in new[] { "/", "/calls/history", "/settings" })
        {
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("CallFlow");
        }
    }
}
