using System.Net;
using System.Text.RegularExpressions;
using CallFlow.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CallFlow.Tests.Infrastructure;

/// <summary>
/// An HttpClient that behaves like a browser on the console: it keeps cookies, signs in through the real form with
/// its antiforgery token, and does not follow redirects, so tests see where they are sent.
/// </summary>
public static partial class ConsoleBrowser
{
    public static HttpClient CreateBrowser(this CallFlowApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in as this staff member (fails the test if sign-in does not succeed).</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this CallFlowApp app, StaffAccount account)
    {
        var browser = app.CreateBrowser();
        var response = await browser.SignInAsync(account.Email, account.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{account.Email} could not sign in");
        return browser;
    }

    /// <summary>Opens the sign-in form and posts it back filled in, as a person would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password, string? returnUrl = null)
    {
        var path = StaffSignIn.LoginPath + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = await browser.GetStringAsync(path, TestContext.Current.CancellationToken);
        return await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>Presses the app bar's sign-out button (a form post with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient browser)
    {
        var page = await browser.GetStringAsync("/", TestContext.Current.CancellationToken);
        return await browser.PostAsync(StaffSignIn.LogoutPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }), TestContext.Current.CancellationToken);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html);
        match.Success.ShouldBeTrue("the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Where a redirect sends the browser, as path and query.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        var location = response.Headers.Location.ShouldNotBeNull("the response is not a redirect");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
