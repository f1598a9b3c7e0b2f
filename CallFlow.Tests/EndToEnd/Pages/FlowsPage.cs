using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>The flow editor (owners only): steps, their fields with inline problems, publishing and history.</summary>
public sealed class FlowsPage(IPage page) : ConsolePage(page)
{
    public ILocator Status => Page.Locator(TestIds.FlowStatus);

    public ILocator PublishButton => Page.Locator(TestIds.Publish);

    public ILocator Refusal => Page.Locator(TestIds.PublishRefused);

    public ILocator DiffSteps => Page.Locator(TestIds.DiffStep);

    public ILocator StepItem(string stepId) => Page.Locator(TestIds.StepItem(stepId));

    public ILocator Field(string testId) => Page.Locator(TestIds.Field(testId));

    /// <summary>The message MudBlazor shows under a field in error.</summary>
    public ILocator ErrorUnder(string testId) =>
        Page.Locator(".mud-input-control", new PageLocatorOptions { Has = Field(testId) }).Locator(TestIds.InputError);

    public async Task<FlowsPage> OpenAsync()
    {
        await GoToAsync("/flows");
        return this;
    }

    public async Task OpenStepAsync(string stepId)
    {
        await StepItem(stepId).ClickAsync();
        await Assertions.Expect(Page.Locator(TestIds.StepEditor)).ToHaveAttributeAsync("data-step-id", stepId);
    }

    /// <summary>Types into a field and leaves it, as a person moving on to the next one.</summary>
    public async Task TypeAsync(string testId, string value)
    {
        await Field(testId).FillAsync(value);
        await Field(testId).BlurAsync();
    }

    public Task PublishAsync() => PublishButton.ClickAsync();

    public Task OpenHistoryAsync() => Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "History" }).ClickAsync();
}
