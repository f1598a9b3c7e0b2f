using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;

namespace CallFlow.Domain.Recovery;

/// <summary>Everything <see cref="RecoveryManager"/> decides from: the call's state and memory, the business (hours, numbers, voices, policy) and the time.</summary>
public sealed record RecoverySituation
{
    public required CallState State { get; init; }

    /// <summary>The live state before hold, when the call is on hold.</summary>
    public CallState? HeldFrom { get; init; }

    public required BusinessProfile Business { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The number a callback would dial (the caller's).</summary>
    public string CallerNumber { get; init; } = "";

    public RecoveryState Memory { get; init; } = new();

    /// <summary>The last sign of life on the call (a webhook, a transition).</summary>
    public DateTimeOffset? LastActivity { get; init; }

    public RecoveryPolicy Policy => Business.Recovery;

    public bool IsOpen => OpeningHours.IsOpen(Business, Now);

    /// <summary>The caller ID is a number someone can call back (carriers send "anonymous" or nothing when it is withheld).</summary>
    public bool CanCallBack => IsCallable(CallerNumber);

    public TimeSpan Silence => LastActivity is { } last ? Now - last : TimeSpan.Zero;

    public static RecoverySituation Of(BusinessProfile business, CallState state, CallContext context, DateTimeOffset now, DateTimeOffset? lastActivity = null) => new()
    {
        State = state,
        HeldFrom = context.HeldFrom,
        Business = business,
        Now = now,
        CallerNumber = context.PhoneNumber,
        Memory = context.Recovery,
        LastActivity = lastActivity ?? (context.LastActivityTime == default ? null : context.LastActivityTime),
    };

    /// <summary>An E.164 number (+ and 7 to 15 digits): something a callback can dial.</summary>
    public static bool IsCallable(string? number) =>
        number is { Length: > 7 and <= 16 } && number[0] == '+' && number[1] != '0' && number.Skip(1).All(char.IsAsciiDigit);
}

/// <summary>When a business is open, and when it next opens, from its weekly hours in its own time zone.</summary>
public static class OpeningHours
{
    public static bool IsOpen(BusinessProfile business, DateTimeOffset at) => Conversation.BusinessHours.IsOpen(business, at);

    /// <summary>The next instant at or after <paramref name="after"/> when the business opens; null when it has no hours.</summary>
    public static DateTimeOffset? NextOpening(BusinessProfile business, DateTimeOffset after)
    {
        if (IsOpen(business, after))
        {
            return after;
        }

        var zone = business.TimeZone;
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            foreach (var interval in business.OpeningHours.Where(i => i.Day == date.DayOfWeek).OrderBy(i => i.Opens))
            {
                var opens = date.ToDateTime(interval.Opens);
                if (opens <= local)
                {
                    continue;
                }

                if (zone.IsInvalidTime(opens))
                {
                    opens = opens.AddHours(1);
                }

                return new DateTimeOffset(opens, zone.GetUtcOffset(opens)).ToUniversalTime();
            }
        }

        return null;
    }
}
