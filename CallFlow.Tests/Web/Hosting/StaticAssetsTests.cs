using System.Net;
using System.Text.RegularExpressions;
using CallFlow.Tests.Infrastructure;

namespace CallFlow.Tests.Web.Hosting;

public partial class StaticAssetsTests
{
    [Fact]
    public async Task The_stylesheets_and_scripts_a_page_links_to_are_served_outside_development()
    {
        await using var app = new CallFlowApp(); // runs in the "Testing" environment, like Production for assets
        using var client = app.CreateClient(new() { AllowAutoRedirect = true });
        var html = await client.GetStringAsync("/not-found", TestContext.Current.CancellationToken);

        var assets = AssetLinks().Matches(html).Select(m => m.Groups["url"].Value).Where(url => !url.StartsWith("http", StringComparison.Ordinal)).ToList();

        assets.ShouldContain(url => url.Contains("MudBlazor", StringComparison.Ordinal) && url.EndsWith(".css", StringComparison.Ordinal));
        assets.ShouldContain(url => url.Contains("blazor.web", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset.TrimStart('/'), TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
        }
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetLinks();
}
