using System.Net;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Identity;

/// <summary>
/// The keys that seal staff cookies live in the app's database: a restart, a deployment to another folder or a second
/// instance on the same database reads the cookies the first one issued.
/// </summary>
public class KeyRingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_staff_cookie_still_opens_the_console_after_a_restart_from_another_folder_on_the_same_database()
    {
        using var data = new TemporaryFolder();
        using var otherDeployment = new TemporaryFolder();
        var database = data.File("callflow.db");

        string cookies;
        await using (var first = new CallFlowApp(database))
        {
            using var browser = first.CreateBrowser();
            var owner = first.DemoOwner();
            var signIn = await browser.SignInAsync(owner.Email, owner.Password);
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            cookies = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        }

        await using var second = new CallFlowApp(database).With(WebHostDefaults.ContentRootKey, otherDeployment.Path);
        using var returning = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookies);

        var home = await returning.SendAsync(request, Token);

        second.Service<IWebHostEnvironment>().ContentRootPath.ShouldStartWith(otherDeployment.Path);
        home.StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie was not read: the console sent the browser to sign in again");
        (await home.Content.ReadAsStringAsync(Token)).ShouldContain("data-testid=\"signed-in-user\"");
        await using var db = second.Db();
        (await db.DataProtectionKeys.CountAsync(Token)).ShouldBe(1);
    }
}
