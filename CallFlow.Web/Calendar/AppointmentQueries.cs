using CallFlow.Domain.Businesses;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calendar;

public enum AppointmentShow
{
    Upcoming,
    Past,
    Cancelled,
    All,
}

/// <summary>Filters for the appointment list.</summary>
public sealed record AppointmentFilter
{
    public AppointmentShow Show { get; init; } = AppointmentShow.Upcoming;

    /// <summary>Part of the customer's name or phone number.</summary>
    public string? Search { get; init; }
}

public sealed record AppointmentPage(IReadOnlyList<Appointment> Rows, int Total);

/// <summary>
/// Read side of appointments for the console: short-lived contexts, no tracking, and every query limited to the
/// business ids the viewer may see (<see cref="Businesses.BusinessScope"/>), so a typed URL reaches nothing else.
/// </summary>
public sealed class AppointmentQueries(IDbContextFactory<CallFlowDb> dbFactory, TimeProvider clock)
{
    private const int MaxInRange = 2000;

    /// <summary>Booked and provisional appointments of one business overlapping [from, until), earliest first.</summary>
    public async Task<IReadOnlyList<Appointment>> InRangeAsync(
        IReadOnlyCollection<string> businessIds, string businessId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        if (!businessIds.Contains(businessId))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Appointments.AsNoTracking()
            .Where(a => a.BusinessId == businessId && a.Status != AppointmentStatus.Cancelled && a.StartUtc < until && a.EndUtc > from)
            .OrderBy(a => a.StartUtc)
            .Take(MaxInRange)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One page of a business's appointments: upcoming earliest first, everything else latest first.</summary>
    public async Task<AppointmentPage> PageAsync(
        IReadOnlyCollection<string> businessIds, string businessId, AppointmentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!businessIds.Contains(businessId))
        {
            return new AppointmentPage([], 0);
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Appointments.AsNoTracking().Where(a => a.BusinessId == businessId);
        query = filter.Show switch
        {
            AppointmentShow.Upcoming => query.Where(a => a.Status != AppointmentStatus.Cancelled && a.EndUtc > now),
            AppointmentShow.Past => query.Where(a => a.Status != AppointmentStatus.Cancelled && a.EndUtc <= now),
            AppointmentShow.Cancelled => query.Where(a => a.Status == AppointmentStatus.Cancelled),
            _ => query,
        };
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = $"%{search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(a => EF.Functions.Like(a.CustomerName, pattern, "\\") || EF.Functions.Like(a.CustomerPhone, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = filter.Show == AppointmentShow.Upcoming ? query.OrderBy(a => a.StartUtc) : query.OrderByDescending(a => a.StartUtc);
        var rows = await ordered.ThenBy(a => a.Id).Skip(Math.Max(page, 0) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AppointmentPage(rows, total);
    }

    /// <summary>One appointment, or null when it does not exist or belongs to a business the viewer cannot see.</summary>
    public async Task<Appointment?> FindAsync(IReadOnlyCollection<string> businessIds, string appointmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Appointments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == appointmentId && businessIds.Contains(a.BusinessId), cancellationToken);
    }

    /// <summary>The bookable services of a business the viewer can see, in the owner's order.</summary>
    public async Task<IReadOnlyList<ServiceOffering>> ServicesAsync(IReadOnlyCollection<string> businessIds, string businessId, CancellationToken cancellationToken = default)
    {
        if (!businessIds.Contains(businessId))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var services = await db.Services.AsNoTracking()
            .Where(s => s.BusinessId == businessId && s.IsActive)
            .OrderBy(s => s.SortOrder)
            .ToListAsync(cancellationToken);
        return [.. services.Select(s => s.ToOffering())];
    }

    /// <summary>The calendar rules of a business the viewer can see (hours for the day and week views).</summary>
    public async Task<Domain.Calendar.CalendarRules?> RulesAsync(IReadOnlyCollection<string> businessIds, string businessId, CancellationToken cancellationToken = default)
    {
        if (!businessIds.Contains(businessId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        return business?.ToCalendarRules();
    }
}
