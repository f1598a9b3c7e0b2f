using System.Net;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Identity;

namespace CallFlow.Tests.Web.Identity;

/// <summary>The sign-in form over real HTTP: cookie, messages, lockout, return urls and sign-out.</summary>
public class SignInTests : IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_owner_signs_in_and_the_cookie_opens_the_console()
    {
        using var browser = _app.CreateBrowser();
        var owner = _app.DemoOwner();

        var response = await browser.SignInAsync(owner.Email, owner.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldBe("/");
        var home = await browser.GetAsync("/", Token);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await home.Content.ReadAsStringAsync(Token);
        html.ShouldContain("data-testid=\"signed-in-user\"");
        html.ShouldContain(owner.Name);
        html.ShouldContain("data-testid=\"sign-out-form\"");
    }

    public static TheoryData<string, string> WrongCredentials => new()
    {
        { "owner@demo-salon.test", "Not-the-password-1!" },
        { "nobody@demo-salon.test", "Owner-demo-2026!" },
    };

    [Theory]
    [MemberData(nameof(WrongCredentials))]
    public async Task Wrong_credentials_are_refused_with_the_same_message_whether_or_not_the_email_exists(string email, string password)
    {
        using var browser = _app.CreateBrowser();

        var response = await browser.SignInAsync(email, password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Token);
        html.ShouldContain("data-testid=\"login-error\"");
        html.ShouldContain("The email or password is not right.");
        html.ShouldNotContain(password);
        (await browser.GetAsync("/", Token)).RedirectTarget().ShouldStartWith(StaffSignIn.LoginPath);
    }

    public static TheoryData<string, string, string> InvalidForms => new()
    {
        { "", "Owner-demo-2026!", "Enter your email address." },
        { "owner", "Owner-demo-2026!", "Enter an email address, such as maya@example.com." },
        { "owner@demo-salon.test", "", "Enter your password." },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task An_incomplete_form_shows_what_to_fix(string email, string password, string message)
    {
        using var browser = _app.CreateBrowser();

        var response = await browser.SignInAsync(email, password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain(WebUtility.HtmlEncode(message));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var browser = _app.CreateBrowser();
        var desk = _app.DemoFrontDesk();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync(desk.Email, "Wrong-password-" + attempt);
        }

        var response = await browser.SignInAsync(desk.Email, desk.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("this account is locked for 5 minutes");
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_that_asked_for_it()
    {
        using var browser = _app.CreateBrowser();
        var desk = _app.DemoFrontDesk();
        var asked = await browser.GetAsync("/calls/history?page=2", Token);
        asked.RedirectTarget().ShouldBe("/account/login?ReturnUrl=%2Fcalls%2Fhistory%3Fpage%3D2");

        var response = await browser.SignInAsync(desk.Email, desk.Password, returnUrl: "/calls/history?page=2");

        response.RedirectTarget().ShouldBe("/calls/history?page=2");
    }

    [Theory]
    [InlineData("https://evil.example/calls")]
    [InlineData("//evil.example/calls")]
    [InlineData("/\\evil.example/calls")]
    public async Task A_return_url_to_another_site_lands_on_the_console_home_instead(string returnUrl)
    {
        using var browser = _app.CreateBrowser();
        var desk = _app.DemoFrontDesk();

        var response = await browser.SignInAsync(desk.Email, desk.Password, returnUrl);

        response.RedirectTarget().ShouldBe("/");
    }

    [Theory]
    [InlineData("/account/login?signedOut=maybe")]
    [InlineData("/account/login?ReturnUrl=%25%25%25&signedOut=")]
    public async Task A_mangled_sign_in_link_still_shows_the_form(string path)
    {
        using var browser = _app.CreateBrowser();

        var response = await browser.GetAsync(path, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("data-testid=\"sign-in\"");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_says_so()
    {
        using var browser = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());

        var response = await browser.SignOutAsync();

        response.RedirectTarget().ShouldBe("/account/login?signedOut=true");
        (await browser.GetAsync("/", Token)).RedirectTarget().ShouldStartWith(StaffSignIn.LoginPath);
        (await browser.GetStringAsync("/account/login?signedOut=true", Token)).ShouldContain("You have signed out.");
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        using var browser = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());

        var response = await browser.PostAsync(StaffSignIn.LogoutPath, new FormUrlEncodedContent([]), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/", Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = _app.CreateBrowser();
        var owner = _app.DemoOwner();

        var response = await browser.PostAsync(StaffSignIn.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = owner.Email,
            ["Input.Password"] = owner.Password,
        }), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/", Token)).RedirectTarget().ShouldStartWith(StaffSignIn.LoginPath);
    }
}
