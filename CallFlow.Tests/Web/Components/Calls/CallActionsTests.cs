using Bunit;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Components.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CallFlow.Tests.Web.Components.Calls;

/// <summary>The live-call buttons: only what the call machine permits, and a click goes through StaffActions.</summary>
public class CallActionsTests : ConsoleContext, IAsyncLifetime
{
    private const string TakeOver = "action-take-over";
    private const string Hold = "action-hold";
    private const string Resume = "action-resume";
    private const string End = "action-end";

    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync()
    {
        UseServicesOf(_app);
        SignInAs(_app.DemoFrontDesk());
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    public static TheoryData<CallState, string[]> Buttons => new()
    {
        { CallState.Idle, [] },
        { CallState.Incoming, [] },
        { CallState.Ringing, [] },
        { CallState.Connected, [TakeOver, Hold, End] },
        { CallState.InConversation, [TakeOver, Hold, End] },
        { CallState.BookingAppointment, [TakeOver, Hold, End] },
        { CallState.CollectingInfo, [TakeOver, Hold, End] },
        { CallState.ConfirmingDetails, [TakeOver, Hold, End] },
        { CallState.Transferring, [End] },
        { CallState.OnHold, [TakeOver, Resume, End] },
        { CallState.Completed, [] },
        { CallState.Ended, [] },
        { CallState.Failed, [] },
        { CallState.Abandoned, [] },
    };

    [Theory]
    [MemberData(nameof(Buttons))]
    public void Only_the_actions_the_state_machine_permits_are_offered(CallState state, string[] expected)
    {
        var actions = Render<CallActions>(p => p.Add(a => a.Call, CallIn(state, transferNumber: "+12125550147")));

        actions.FindAll("button[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")).ShouldBe(expected);
        if (expected.Length == 0)
        {
            actions.Find("[data-testid=actions-none]");
        }
    }

    [Theory]
    [InlineData(CallState.Connected)]
    [InlineData(CallState.OnHold)]
    public void Without_a_front_desk_number_there_is_no_take_over(CallState state)
    {
        var actions = Render<CallActions>(p => p.Add(a => a.Call, CallIn(state, transferNumber: null)));

        actions.FindAll($"[data-testid={TakeOver}]").ShouldBeEmpty();
        actions.Find("[data-testid=no-transfer-number]");
    }

    [Fact]
    public async Task Clicking_hold_puts_the_call_on_hold_in_the_staff_member_s_name()
    {
        var call = await LiveCallAsync();
        var acted = 0;
        var actions = Render<CallActions>(p => p.Add(a => a.Call, call).Add(a => a.OnActed, () => acted++));

        await actions.Find($"[data-testid={Hold}]").ClickAsync();

        actions.WaitForAssertion(() => acted.ShouldBe(1));
        await using var db = _app.Db();
        (await db.Calls.SingleAsync(c => c.Id == call.Id, Token)).State.ShouldBe(CallState.OnHold);
        (await db.CallTransitions.Where(t => t.CallId == call.Id).OrderBy(t => t.Id).LastAsync(Token)).ActorName.ShouldBe("Sam Lee");
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.ShouldContain(s => s.Message == "The caller is on hold.");
    }

    [Fact]
    public async Task Ending_a_call_asks_once_more_before_hanging_up()
    {
        var call = await LiveCallAsync();
        var actions = Render<CallActions>(p => p.Add(a => a.Call, call));

        await actions.Find($"[data-testid={End}]").ClickAsync();
        (await StateAsync(call)).ShouldBe(CallState.Connected);
        await actions.Find("[data-testid=action-end-confirm]").ClickAsync();

        actions.WaitForAssertion(() => StateAsync(call).Result.ShouldBe(CallState.Ended));
    }

    [Fact]
    public async Task A_refused_action_is_reported_in_a_snackbar()
    {
        var call = await LiveCallAsync();
        var actions = Render<CallActions>(p => p.Add(a => a.Call, call));
        await _app.FireAsync(call, CallTrigger.CallEnded);

        await actions.Find($"[data-testid={Hold}]").ClickAsync();

        actions.WaitForAssertion(() => Services.GetRequiredService<ISnackbar>().ShownSnackbars
            .ShouldContain(s => s.Severity == Severity.Error && (s.Message ?? "").Contains("not possible")));
    }

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static Call CallIn(CallState state, string? transferNumber) => new()
    {
        CallSid = "CA-test",
        BusinessId = DemoBusiness.Id,
        From = "+12125550100",
        To = DemoBusiness.DefaultPhoneNumber,
        State = state,
        Business = new Business { Id = DemoBusiness.Id, Name = "Demo Salon", PhoneNumber = DemoBusiness.DefaultPhoneNumber, TimeZoneId = "America/New_York", TransferNumber = transferNumber },
    };

    private async Task<Call> LiveCallAsync()
    {
        var started = await _app.StartAsync();
        return (await _app.Service<CallQueries>().DetailAsync([DemoBusiness.Id], started.Id, Token))!.Call;
    }

    private async Task<CallState> StateAsync(Call call)
    {
        await using var db = _app.Db();
        return (await db.Calls.SingleAsync(c => c.Id == call.Id, Token)).State;
    }
}
