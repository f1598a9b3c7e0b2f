using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;

namespace CallFlow.Web.Businesses.Settings;

public sealed partial class BusinessSettingsService
{
    /// <summary>
    /// Saves the weekly hours and date overrides: the business's calendar rules with these hours must pass
    /// <see cref="CalendarRules.Validate"/>; each problem is placed on the day or date it concerns.
    /// </summary>
    public Task<SettingsResult> SaveHoursAsync(string businessId, int version, HoursForm form, CancellationToken cancellationToken = default) =>
        UpdateAsync(businessId, version, business =>
        {
            var problems = HoursShape(form);
            var weekly = new List<OpeningInterval>();
            foreach (var day in form.Days)
            {
                weekly.AddRange(Intervals(day.Intervals, problems).Select(range => new OpeningInterval(day.Day, range.Start, range.End)));
            }

            var overrides = new List<DateOverride>();
            foreach (var dateOverride in form.Overrides)
            {
                var hours = dateOverride.Closed ? [] : Intervals(dateOverride.Intervals, problems);
                if (!dateOverride.Closed && dateOverride.Intervals.Count == 0)
                {
                    problems.Add(SettingsProblem.For(dateOverride, nameof(dateOverride.Intervals), "Add the special opening hours, or mark the date closed."));
                }

                if (FormChecks.Date(dateOverride.Date) is { } date)
                {
                    overrides.Add(new DateOverride(date, hours, FormChecks.Clean(dateOverride.Note)));
                }
                else if (!string.IsNullOrWhiteSpace(dateOverride.Date))
                {
                    problems.Add(SettingsProblem.For(dateOverride, nameof(dateOverride.Date), "Enter a date such as 2026-12-24."));
                }
            }

            foreach (var repeated in form.Overrides.Where(o => FormChecks.Date(o.Date) is not null).GroupBy(o => FormChecks.Date(o.Date)).Where(g => g.Count() > 1))
            {
                problems.AddRange(repeated.Skip(1).Select(o => SettingsProblem.For(o, nameof(o.Date), "Another override is already for this date; keep one.")));
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            var rules = business.ToCalendarRules() with { WeeklyHours = weekly, DateOverrides = overrides };
            var found = rules.Validate(Offerings(business, rules.Resources));
            foreach (var problem in found)
            {
                // The Domain names the whole list; each day's and each date's own problems say where to show it.
                object? owner = problem.Field switch
                {
                    nameof(CalendarRules.WeeklyHours) => form.Days.FirstOrDefault(d =>
                        Alone(rules with { WeeklyHours = [.. weekly.Where(i => i.Day == d.Day)], DateOverrides = [] }).Contains(problem)),
                    nameof(CalendarRules.DateOverrides) => form.Overrides.FirstOrDefault(o => FormChecks.Date(o.Date) is { } date
                        && Alone(rules with { WeeklyHours = [], DateOverrides = [.. overrides.Where(x => x.Date == date)] }).Contains(problem)),
                    _ => null,
                };
                problems.Add(owner is null ? SettingsProblem.General(form, problem.Message) : SettingsProblem.For(owner, nameof(WeekdayForm.Intervals), problem.Message));
            }

            if (problems.Count == 0)
            {
                business.ApplyCalendarRules(rules);
            }

            return problems;
        }, cancellationToken: cancellationToken);

    /// <summary>Saves capacity, staff or rooms, slot length, notice, horizon and the daily limit.</summary>
    public Task<SettingsResult> SaveBookingRulesAsync(string businessId, int version, BookingRulesForm form, CancellationToken cancellationToken = default) =>
        UpdateAsync(businessId, version, business =>
        {
            var problems = FormChecks.Annotations(form);
            problems.AddRange(FormChecks.Annotations(form.Resources));
            if (form.Resources.Count > BookingRulesForm.MaxResources)
            {
                problems.Add(SettingsProblem.For(form, nameof(form.Resources), $"At most {BookingRulesForm.MaxResources} staff members or rooms."));
            }

            foreach (var repeated in form.Resources.Where(r => FormChecks.Clean(r.Name) is not null).GroupBy(r => r.Name!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.AddRange(repeated.Skip(1).Select(r => SettingsProblem.For(r, nameof(r.Name), $"Another staff member or room is already called {repeated.Key}.")));
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            // Only this business's services can be ticked, whatever ids a crafted form carries.
            var known = business.Services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var rules = business.ToCalendarRules() with
            {
                Capacity = form.Capacity,
                SlotMinutes = form.SlotMinutes,
                MinimumNoticeMinutes = form.MinimumNoticeMinutes,
                HorizonDays = form.HorizonDays,
                DailyLimit = form.DailyLimit,
                Resources = [.. form.Resources.Select(r => new CalendarResource(r.Id, r.Name!.Trim(), r.Capacity, [.. r.ServiceIds.Where(known.Contains).Distinct()]))],
            };
            string[] ownFields = [nameof(form.Capacity), nameof(form.SlotMinutes), nameof(form.MinimumNoticeMinutes), nameof(form.HorizonDays), nameof(form.DailyLimit), nameof(form.Resources)];
            problems.AddRange(rules.Validate(Offerings(business, rules.Resources)).Select(p => ownFields.Contains(p.Field)
                ? SettingsProblem.For(form, p.Field, p.Message)
                : SettingsProblem.General(form, p.Message)));
            if (problems.Count == 0)
            {
                business.ApplyCalendarRules(rules);
            }

            return problems;
        }, cancellationToken: cancellationToken);

    /// <summary>
    /// The services the rules are checked with: the active ones, and inactive ones a staff member still names (so
    /// deactivating a service neither breaks that staff member nor counts as "nobody offers it").
    /// </summary>
    private static List<ServiceOffering> Offerings(Business business, IReadOnlyList<CalendarResource> resources)
    {
        var named = resources.SelectMany(r => r.ServiceIds ?? []).ToHashSet(StringComparer.Ordinal);
        return [.. business.Services.Where(s => s.IsActive || named.Contains(s.Id)).Select(s => s.ToOffering())];
    }

    private static IReadOnlyList<RuleProblem> Alone(CalendarRules rules) => rules.Validate();

    private static List<SettingsProblem> HoursShape(HoursForm form)
    {
        var problems = FormChecks.Annotations(form.Days.SelectMany(d => d.Intervals));
        problems.AddRange(FormChecks.Annotations(form.Overrides));
        problems.AddRange(FormChecks.Annotations(form.Overrides.SelectMany(o => o.Intervals)));
        if (form.Days.Select(d => d.Day).Distinct().Count() != form.Days.Count)
        {
            problems.Add(SettingsProblem.General(form, "Each weekday can be listed once."));
        }

        problems.AddRange(form.Days.Where(d => d.Intervals.Count > HoursForm.MaxIntervalsPerDay).Select(d =>
            SettingsProblem.For(d, nameof(d.Intervals), $"At most {HoursForm.MaxIntervalsPerDay} opening intervals a day.")));
        problems.AddRange(form.Overrides.Where(o => o.Intervals.Count > HoursForm.MaxIntervalsPerDay).Select(o =>
            SettingsProblem.For(o, nameof(o.Intervals), $"At most {HoursForm.MaxIntervalsPerDay} opening intervals a day.")));
        if (form.Overrides.Count > HoursForm.MaxOverrides)
        {
            problems.Add(SettingsProblem.General(form, $"At most {HoursForm.MaxOverrides} special dates; remove past ones."));
        }

        return problems;
    }

    /// <summary>The typed intervals as time ranges; a time that is not one is a problem on its input.</summary>
    private static List<TimeRange> Intervals(IEnumerable<IntervalForm> intervals, List<SettingsProblem> problems)
    {
        var ranges = new List<TimeRange>();
        foreach (var interval in intervals)
        {
            var (opens, closes) = (FormChecks.Time(interval.Opens), FormChecks.Time(interval.Closes));
            if (opens is null && !string.IsNullOrWhiteSpace(interval.Opens))
            {
                problems.Add(SettingsProblem.For(interval, nameof(interval.Opens), "Enter a time such as 09:00."));
            }

            if (closes is null && !string.IsNullOrWhiteSpace(interval.Closes))
            {
                problems.Add(SettingsProblem.For(interval, nameof(interval.Closes), "Enter a time such as 18:00."));
            }

            if (opens is { } start && closes is { } end)
            {
                ranges.Add(new TimeRange(start, end));
            }
        }

        return ranges;
    }
}
