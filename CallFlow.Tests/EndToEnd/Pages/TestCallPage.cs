using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>The test-call page: place a call, type as the caller, read the assistant's replies and the call's state.</summary>
public sealed class TestCallPage(IPage page) : ConsolePage(page)
{
    /// <summary>The caller's number the page starts with.</summary>
    public const string DefaultCaller = "+12125550199";

    public ILocator Bubbles => Page.Locator(TestIds.Bubble);

    /// <summary>The assistant's latest bubble.</summary>
    public ILocator LastReply => Page.Locator(TestIds.AssistantBubble).Last;

    public ILocator State => Page.Locator(TestIds.TestCallStatus).Locator(TestIds.State);

    public async Task<TestCallPage> OpenAsync()
    {
        await GoToAsync("/test-call");
        return this;
    }

    /// <summary>Calls and waits for the greeting.</summary>
    public async Task DialAsync()
    {
        await Page.Locator(TestIds.Dial).ClickAsync();
        await Assertions.Expect(LastReply).ToBeVisibleAsync();
    }

    /// <summary>Types what the caller says and sends it; waits until the assistant may be spoken to again or the call is over.</summary>
    public async Task SayAsync(string words)
    {
        var before = await Bubbles.CountAsync();
        await Page.Locator(TestIds.SayText).FillAsync(words);
        await Page.Locator(TestIds.Say).ClickAsync();
        await Assertions.Expect(Bubbles).Not.ToHaveCountAsync(before);
    }
}
