using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Flows;
using CallFlow.Domain.Understanding;
using CallFlow.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Conversation;

/// <summary>
/// A phone line to the engine for Domain tests: the demo salon, an in-memory calendar, the call's lifecycle in
/// memory, and a clock stopped on Wednesday 4 March 2026 at 10:00 in New York (15:00 UTC) unless told otherwise.
/// </summary>
internal sealed class Line
{
    public const string CallerId = Salon.CallerId;

    public static readonly DateTimeOffset Wednesday10am = DateTimeOffset.Parse("2026-03-04T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public Line(BusinessProfile? business = null, FlowDefinition? flow = null, DateTimeOffset? now = null, string callerId = CallerId, bool answer = true)
    {
        Business = business ?? Salon.NewYork;
        Clock = new FakeTimeProvider(now ?? Wednesday10am);
        Desk = new InMemoryBookingDesk(Clock).Add(Business.Id, Rules(Business));
        var compiled = FlowValidator.Compile(flow ?? DefaultFlows.Booking(Business));
        Flow = compiled.Flow ?? throw new ArgumentException(string.Join(" ", compiled.Problems), nameof(flow));
        Call = new CallLifecycle(CallState.Idle, new CallContext { CallId = "call-1", BusinessId = Business.Id, PhoneNumber = callerId });
        Call.Fire(CallTrigger.IncomingCall);
        Call.Fire(CallTrigger.CallAnswered);
        if (answer)
        {
            Last = Engine.Answer(Turn());
            Results.Add(Last);
        }
    }

    public BusinessProfile Business { get; }

    public FakeTimeProvider Clock { get; }

    public InMemoryBookingDesk Desk { get; }

    /// <summary>The flow the call runs; null when the business has no usable flow.</summary>
    public CompiledFlow? Flow { get; set; }

    public CallLifecycle Call { get; }

    public ConversationEngine Engine => new(new RuleBasedInterpreter(), Desk);

    public List<TurnResult> Results { get; } = [];

    public TurnResult? Last { get; private set; }

    /// <summary>Everything the assistant said in its last reply.</summary>
    public string Heard => Last?.Reply.Transcript ?? "";

    public CallContext Context => Call.Context;

    public IEnumerable<StepEvent> Events => Results.SelectMany(r => r.StepEvents);

    public IEnumerable<FollowUp> FollowUps => Results.SelectMany(r => r.FollowUps);

    /// <summary>The states the call moved through since it was created, in order.</summary>
    public IReadOnlyList<CallState> Trail => [.. Call.History.Where(r => r.Transitioned).SelectMany(r => r.Changes).Select(c => c.To)];

    public CallTurn Turn() => new(Call, Business, Flow, Clock.GetUtcNow());

    /// <summary>Greets the caller (a line made with <c>answer: false</c>), offering a booking they lost earlier when given one.</summary>
    public TurnResult Answer(CallFlow.Domain.Recovery.SavedProgress? resumable = null)
    {
        Last = Engine.Answer(Turn(), resumable);
        Results.Add(Last);
        return Last;
    }

    public Task<TurnResult> SayAsync(string words) => ReplyAsync(Utterance.Speech(words, 0.92));

    public Task<TurnResult> SilenceAsync() => ReplyAsync(new Utterance(null));

    public Task<TurnResult> PressAsync(string keys) => ReplyAsync(Utterance.Keys(keys));

    public async Task<TurnResult> ReplyAsync(Utterance utterance)
    {
        Last = await Engine.ReplyAsync(Turn(), utterance, TestContext.Current.CancellationToken);
        Results.Add(Last);
        return Last;
    }

    /// <summary>Books a slot for someone else (another call), so the caller finds it taken.</summary>
    public async Task TakeAsync(string serviceName, DateOnly date, string time, int times = 1)
    {
        var service = Business.Services.First(s => s.Name == serviceName);
        var local = date.ToDateTime(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        var start = new DateTimeOffset(local, Business.TimeZone.GetUtcOffset(local));
        for (var i = 0; i < times; i++)
        {
            var outcome = await Desk.BookAsync(new CallFlow.Domain.Booking.BookingRequest(
                Business.Id, $"other-{i}", service, start, "Someone Else", "+12125550111", $"other-{Guid.NewGuid()}"), TestContext.Current.CancellationToken);
            outcome.ShouldBeOfType<CallFlow.Domain.Booking.BookingOutcome.Booked>();
        }
    }

    /// <summary>The salon's calendar rules: its opening hours, two chairs, a slot every 15 minutes, an hour's notice.</summary>
    public static CalendarRules Rules(BusinessProfile business) => new()
    {
        TimeZoneId = business.TimeZoneId,
        WeeklyHours = [.. business.OpeningHours],
        Capacity = 2,
        SlotMinutes = 15,
        MinimumNoticeMinutes = 60,
        HorizonDays = 60,
    };
}
