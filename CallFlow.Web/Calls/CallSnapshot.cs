using CallFlow.Domain.Calls;

namespace CallFlow.Web.Calls;

/// <summary>What the console shows of a call at one moment; published after every committed change.</summary>
public sealed record CallSnapshot(
    string Id,
    string CallSid,
    string BusinessId,
    CallDirection Direction,
    string From,
    CallState State,
    string? CurrentStepId,
    IReadOnlyDictionary<string, string> Collected,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset LastActivityAt,
    CallOutcome? Outcome,
    int Version,
    bool IsTest = false)
{
    public static CallSnapshot Of(Call call) => new(
        call.Id,
        call.CallSid,
        call.BusinessId,
        call.Direction,
        call.From,
        call.State,
        call.CurrentStepId,
        new Dictionary<string, string>(call.Context.CollectedData, StringComparer.Ordinal),
        call.StartedAt,
        call.EndedAt,
        call.LastActivityAt,
        call.Outcome,
        call.Version,
        call.IsTest);
}
