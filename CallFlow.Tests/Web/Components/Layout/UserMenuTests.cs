using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Components.Layout;

namespace CallFlow.Tests.Web.Components.Layout;

public class UserMenuTests : ConsoleContext
{
    private static StaffAccount FrontDesk => new("desk-id", "desk@example.test", "", "Sam Lee", IsOwner: false);

    [Fact]
    public void The_app_bar_names_the_user_and_signs_out_with_a_protected_post()
    {
        SignInAs(FrontDesk);

        var bar = Render<UserMenu>();

        bar.Find("[data-testid=signed-in-user]").TextContent.ShouldBe("Sam Lee");
        var form = bar.Find("[data-testid=sign-out-form]");
        form.GetAttribute("method").ShouldBe("post");
        form.GetAttribute("action").ShouldBe("/account/logout");
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
    }

    [Fact]
    public void An_anonymous_visitor_is_offered_the_sign_in_page()
    {
        AddAuthorization().SetNotAuthorized();

        var bar = Render<UserMenu>();

        bar.FindAll("[data-testid=sign-out-form]").ShouldBeEmpty();
        bar.Find("a").GetAttribute("href").ShouldBe("/account/login");
    }
}
