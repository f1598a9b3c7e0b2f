using CallFlow.Domain.Calendar;
using CallFlow.Domain.Calls;
using CallFlow.Web.Calendar;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Bench;

/// <summary>What the database holds after a run, checked independently of the code that wrote it.</summary>
/// <param name="DoubleBookings">Business 5-minute units where more Booked appointments overlap (buffers included) than the business has seats: must be 0.</param>
/// <param name="AuditComplete">Calls whose audit trail runs from Idle to the call's stored state, each transition starting where the previous ended.</param>
/// <param name="AuditChecked">Calls the harness placed and looked for.</param>
public sealed record DatabaseReport(
    int AppointmentsBooked, int DoubleBookings, int AuditChecked, int AuditComplete, int CallsMissing, int TransitionRows, int TurnRows,
    IReadOnlyList<string> AuditProblems)
{
    public double AuditPercent => AuditChecked == 0 ? 0 : Math.Round(100.0 * AuditComplete / AuditChecked, 2);
}

public static class DatabaseChecks
{
    public static async Task<DatabaseReport> RunAsync(IDbContextFactory<CallFlowDb> databases, IReadOnlyCollection<string> callSids, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (booked, doubles) = await DoubleBookingsAsync(db, cancellationToken);

        var calls = await db.Calls.AsNoTracking().Select(c => new { c.Id, c.CallSid, c.State }).ToListAsync(cancellationToken);
        var transitions = await db.CallTransitions.AsNoTracking().Where(t => t.Accepted)
            .OrderBy(t => t.CallId).ThenBy(t => t.Id)
            .Select(t => new { t.CallId, t.From, t.To })
            .ToListAsync(cancellationToken);
        var turns = await db.ConversationTurns.CountAsync(cancellationToken);
        var trails = transitions.GroupBy(t => t.CallId).ToDictionary(g => g.Key, g => g.Select(t => (t.From, t.To)).ToList());
        var bySid = calls.ToDictionary(c => c.CallSid);

        var problems = new List<string>();
        var (complete, missing) = (0, 0);
        foreach (var sid in callSids)
        {
            if (!bySid.TryGetValue(sid, out var call))
            {
                missing++;
                problems.Add($"{sid}: no call row");
                continue;
            }

            var trail = trails.GetValueOrDefault(call.Id) ?? [];
            if (WhyIncomplete(trail, call.State) is { } why)
            {
                problems.Add($"{sid}: {why}");
                continue;
            }

            complete++;
        }

        return new DatabaseReport(booked, doubles, callSids.Count, complete, missing, transitions.Count, turns, [.. problems.Take(10)]);
    }

    /// <summary>Null when the trail starts at Idle, has no gap, and ends in the call's stored state.</summary>
    internal static string? WhyIncomplete(IReadOnlyList<(CallState From, CallState To)> trail, CallState stored)
    {
        if (trail.Count == 0)
        {
            return stored == CallState.Idle ? null : $"no transition, but stored as {stored}";
        }

        if (trail[0].From != CallState.Idle)
        {
            return $"the trail starts at {trail[0].From}";
        }

        for (var i = 1; i < trail.Count; i++)
        {
            if (trail[i].From != trail[i - 1].To)
            {
                return $"gap between {trail[i - 1].To} and {trail[i].From}";
            }
        }

        return trail[^1].To == stored ? null : $"the trail ends in {trail[^1].To}, the call is stored as {stored}";
    }

    private static async Task<(int Booked, int Doubles)> DoubleBookingsAsync(CallFlowDb db, CancellationToken cancellationToken)
    {
        var seats = await db.Businesses.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Capacity, cancellationToken);
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.Status == AppointmentStatus.Booked)
            .Select(a => new { a.BusinessId, a.StartUtc, a.EndUtc, a.BufferBeforeMinutes, a.BufferAfterMinutes })
            .ToListAsync(cancellationToken);
        var occupied = new Dictionary<(string Business, long Unit), int>();
        foreach (var a in appointments)
        {
            var from = CapacityClaims.UnitAt(a.StartUtc.AddMinutes(-a.BufferBeforeMinutes));
            var until = CapacityClaims.UnitCeiling(a.EndUtc.AddMinutes(a.BufferAfterMinutes));
            for (var unit = from; unit < until; unit++)
            {
                occupied[(a.BusinessId, unit)] = occupied.GetValueOrDefault((a.BusinessId, unit)) + 1;
            }
        }

        return (appointments.Count, occupied.Count(o => o.Value > seats.GetValueOrDefault(o.Key.Business, 1)));
    }
}
