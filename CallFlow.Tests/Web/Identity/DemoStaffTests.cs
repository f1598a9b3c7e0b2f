using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Hosting;
using CallFlow.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Identity;

/// <summary>The demo salon's owner and front desk come from the Demo section, once.</summary>
public class DemoStaffTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_owner_and_front_desk_exist_after_start_with_the_configured_passwords()
    {
        await using var app = new CallFlowApp();
        var demo = app.DemoSettings();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        foreach (var (account, role) in new[] { (demo.Owner, StaffRole.Owner), (demo.FrontDesk, StaffRole.FrontDesk) })
        {
            var user = (await users.FindByEmailAsync(account.Email)).ShouldNotBeNull(account.Email);
            (await users.CheckPasswordAsync(user, account.Password)).ShouldBeTrue(account.Email);
            user.DisplayName.ShouldBe(account.Name);
            await using var db = app.Db();
            var memberships = await db.Memberships.Where(m => m.UserId == user.Id).ToListAsync(Token);
            memberships.ShouldHaveSingleItem().BusinessId.ShouldBe(DemoBusiness.Id);
            memberships[0].Role.ShouldBe(role);
        }
    }

    [Fact]
    public void The_readme_prints_the_demo_sign_ins_of_the_root_settings()
    {
        var root = RootConfiguration.FindSettingsDirectory(AppContext.BaseDirectory);
        var demo = new ConfigurationBuilder().SetBasePath(root).AddJsonFile(RootConfiguration.SettingsFile).Build()
            .GetSection(DemoOptions.Section).Get<DemoOptions>()!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));

        readme.ShouldContain("### Demo sign-ins");
        readme.ShouldContain($"| Owner | `{demo.Owner.Email}` | `{demo.Owner.Password}` |");
        readme.ShouldContain($"| Front desk | `{demo.FrontDesk.Email}` | `{demo.FrontDesk.Password}` |");
    }

    [Fact]
    public async Task A_password_set_by_an_override_is_the_one_that_signs_in()
    {
        await using var app = new CallFlowApp().With("Demo:Owner:Password", "Changed-by-env-42!");
        using var browser = app.CreateBrowser();

        var refused = await browser.SignInAsync(app.DemoOwner().Email, "Owner-demo-2026!");
        var accepted = await browser.SignInAsync(app.DemoOwner().Email, "Changed-by-env-42!");

        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        accepted.RedirectTarget().ShouldBe("/");
    }

    [Fact]
    public async Task A_restart_keeps_the_demo_staff_without_duplicates()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("callflow.db");
        await using (var first = new CallFlowApp(path))
        {
            first.DemoOwner();
        }

        await using var second = new CallFlowApp(path);
        await using var db = second.Db();

        (await db.Users.CountAsync(Token)).ShouldBe(2);
        (await db.Memberships.CountAsync(Token)).ShouldBe(2);
    }

    [Fact]
    public async Task Without_demo_seeding_there_are_no_demo_users()
    {
        await using var app = new CallFlowApp().With("Demo:SeedOnEmptyDatabase", "false");
        await using var db = app.Db();

        (await db.Users.AnyAsync(Token)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_demo_password_that_breaks_the_rules_stops_the_start_with_a_clear_message()
    {
        await using var app = new CallFlowApp().With("Demo:FrontDesk:Password", "short");

        var error = Should.Throw<InvalidOperationException>(() => app.Services);

        error.Message.ShouldContain("Demo:FrontDesk");
        error.Message.ShouldContain("at least 10 characters");
    }
}
