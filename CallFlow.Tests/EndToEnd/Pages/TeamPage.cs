using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>Team (owners only): who may sign in to the business, with their roles, and the form to add someone.</summary>
public sealed class TeamPage(IPage page) : ConsolePage(page)
{
    public ILocator Team => Page.Locator(TestIds.Team);

    /// <summary>The row of the member with this email.</summary>
    public ILocator Member(string email) => Page.Locator(TestIds.TeamRow).Filter(new LocatorFilterOptions { HasText = email });

    /// <summary>A snackbar with this text (several may be showing).</summary>
    public ILocator Snackbar(string text) => Page.Locator(TestIds.Snackbar).Filter(new LocatorFilterOptions { HasText = text });

    public async Task<TeamPage> OpenAsync()
    {
        await GoToAsync("/team");
        return this;
    }

    /// <summary>Fills in "Add someone" for a new account and sends it.</summary>
    public async Task AddAsync(string email, string name, string password)
    {
        await Page.Locator(TestIds.NewEmail).FillAsync(email);
        await Page.Locator(TestIds.NewName).FillAsync(name);
        await Page.Locator(TestIds.NewPassword).FillAsync(password);
        await Page.Locator(TestIds.AddMember).ClickAsync();
    }

    /// <summary>Opens a member's role list and picks Owner.</summary>
    public async Task MakeOwnerAsync(string email)
    {
        await Member(email).Locator(TestIds.MemberRole).ClickAsync();
        await Page.Locator(TestIds.RoleOwner).ClickAsync();
    }

    /// <summary>Presses Remove on a member's row, then confirms.</summary>
    public async Task RemoveAsync(string email)
    {
        await Member(email).Locator(TestIds.Remove).ClickAsync();
        await Member(email).Locator(TestIds.ConfirmRemove).ClickAsync();
    }
}
