using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>One call: its state, front desk's buttons, transcript, notes and audit timeline.</summary>
public sealed class CallDetailPage(IPage page) : ConsolePage(page)
{
    /// <summary>The state chip in the header (the diagram has data-state attributes too).</summary>
    public ILocator State => Page.Locator(TestIds.CallHeader).Locator(TestIds.State);

    public ILocator HoldButton => Page.Locator(TestIds.Hold);

    public ILocator ResumeButton => Page.Locator(TestIds.Resume);

    public ILocator TakeOverButton => Page.Locator(TestIds.TakeOver);

    public ILocator EndButton => Page.Locator(TestIds.End);

    public ILocator Timeline => Page.Locator(TestIds.TimelineItem);

    public ILocator Notes => Page.Locator(TestIds.Note);

    public ILocator Callbacks => Page.Locator(TestIds.Callback);

    /// <summary>Opens the callback form, which suggests half an hour from now and the caller's number.</summary>
    public Task OpenCallbackFormAsync() => Page.Locator(TestIds.CallbackOpen).ClickAsync();

    public Task ScheduleCallbackAsync() => Page.Locator(TestIds.CallbackSchedule).ClickAsync();

    /// <summary>Opens the page of one call directly.</summary>
    public async Task<CallDetailPage> OpenAsync(string callId)
    {
        await GoToAsync($"/calls/{callId}");
        return this;
    }

    public Task HoldAsync() => HoldButton.ClickAsync();

    public Task ResumeAsync() => ResumeButton.ClickAsync();

    public async Task AddNoteAsync(string text)
    {
        await Page.Locator(TestIds.NoteText).FillAsync(text);
        await Page.Locator(TestIds.NoteAdd).ClickAsync();
    }
}
