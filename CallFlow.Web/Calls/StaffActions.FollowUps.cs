using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calls;

/// <summary>The follow-ups staff leave on any call, live or finished: notes and callback requests.</summary>
public sealed partial class StaffActions
{
    /// <summary>How far ahead a callback may be scheduled.</summary>
    public static readonly TimeSpan CallbackHorizon = TimeSpan.FromDays(30);

    /// <summary>Adds a note under the staff member's name. Through the orchestrator, so open pages see it at once.</summary>
    public async Task<StaffActionResult> AddNoteAsync(string callId, string? text, CancellationToken cancellationToken = default)
    {
        var note = text?.Trim() ?? "";
        if (note.Length == 0)
        {
            return StaffActionResult.Invalid("Write the note first.");
        }

        if (note.Length > CallNote.MaxLength)
        {
            return StaffActionResult.Invalid($"A note can be at most {CallNote.MaxLength} characters (this one has {note.Length}).");
        }

        if (await ActingAsync(callId, cancellationToken) is not { } acting)
        {
            return StaffActionResult.NotFound;
        }

        var done = await orchestrator.ExecuteAsync(acting.CallSid, acting.Actor, session =>
        {
            session.Db.CallNotes.Add(new CallNote { CallId = session.Call.Id, Author = acting.Actor.Name, Text = note, At = session.Now });
            return Task.FromResult(StaffActionResult.Done("Note added."));
        }, cancellationToken);
        return done?.Result ?? StaffActionResult.NotFound;
    }

    /// <summary>
    /// Records a request to call back <paramref name="phoneNumber"/> (the caller's number when empty) at
    /// <paramref name="dueAt"/>. One pending callback per call: a second one would ring the customer twice.
    /// </summary>
    public async Task<StaffActionResult> ScheduleCallbackAsync(string callId, DateTimeOffset dueAt, string? phoneNumber = null, CancellationToken cancellationToken = default)
    {
        string? number = null;
        if (!string.IsNullOrWhiteSpace(phoneNumber))
        {
            number = PhoneSeparators().Replace(phoneNumber.Trim(), "");
            if (!E164().IsMatch(number))
            {
                return StaffActionResult.Invalid("Give the number in international format, like +12125550100.");
            }
        }

        if (await ActingAsync(callId, cancellationToken) is not { } acting)
        {
            return StaffActionResult.NotFound;
        }

        var done = await orchestrator.ExecuteAsync(acting.CallSid, acting.Actor, async session =>
        {
            // A minute's grace: the form's "now" was read a moment ago.
            if (dueAt < session.Now.AddMinutes(-1))
            {
                return StaffActionResult.Invalid("Pick a time in the future.");
            }

            if (dueAt > session.Now + CallbackHorizon)
            {
                return StaffActionResult.Invalid($"A callback can be at most {CallbackHorizon.TotalDays:0} days ahead.");
            }

            var to = number ?? session.Call.From;
            if (!E164().IsMatch(to))
            {
                return StaffActionResult.Invalid("The caller's number is not known; give the number to call.");
            }

            var pending = session.Db.CallbackRequests.Where(r => r.CallId == session.Call.Id && r.Status == CallbackStatus.Pending);
            if (await pending.AnyAsync(cancellationToken))
            {
                return StaffActionResult.Invalid("A callback is already scheduled for this call.");
            }

            session.Db.CallbackRequests.Add(new CallbackRequest
            {
                CallId = session.Call.Id,
                BusinessId = session.Call.BusinessId,
                PhoneNumber = to,
                DueAt = dueAt.ToUniversalTime(),
                RequestedBy = acting.Actor.Name,
                RequestedAt = session.Now,
            });
            return StaffActionResult.Done($"Callback to {to} scheduled.");
        }, cancellationToken);
        return done?.Result ?? StaffActionResult.NotFound;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();
}
