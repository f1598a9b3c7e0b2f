namespace CallFlow.Domain.Understanding;

/// <summary>The day a caller asked for and the day they ruled out, resolved against the business's today.</summary>
internal readonly record struct DateFindings(DateOnly? Date, DateOnly? Excluded);

/// <summary>One day found in the words [Start, Start+Length); explicit days ("the 9th") beat weekday names said with them.</summary>
internal readonly record struct DateHit(DateOnly Date, int Start, int Length, bool IsExplicit);

/// <summary>
/// Reads days: today, tomorrow, the day after tomorrow, weekdays ("Friday" is the next one after today, "this Friday"
/// the one within seven days including today, "next Friday" the one in next week), "the 5th", "March 3rd",
/// "the third of March", "3/14" (month first in the US and Canada, day first elsewhere, swapped when only that
/// reading is a real date), "in two weeks", "a week from Friday". A month and day already past roll to next year.
/// When several days are said, the last one not ruled out wins ("Tuesday, sorry, Wednesday").
/// </summary>
internal static class DateParser
{
    public static DateFindings Parse(TokenStream tokens, InterpretationContext context)
    {
        var today = context.Today;
        var hits = new List<DateHit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.IsFree(i) && TryAt(tokens, i, today, context, out var hit))
            {
                hits.Add(hit);
                i += Math.Max(0, hit.Length - 1);
            }
        }

        if (hits.Count == 0 && context.Expected.Input == ExpectedInput.Date)
        {
            ExplicitDates.BareDayOfMonth(tokens, today, hits);
        }

        DateOnly? date = null, excluded = null;
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            tokens.Consume(hit.Start, hit.Length, Claim.Date);

            // "Monday the 9th": the number is what the caller will hold us to.
            var explicitFollows = h + 1 < hits.Count && hits[h + 1].IsExplicit && !hit.IsExplicit
                && hits[h + 1].Start - (hit.Start + hit.Length) <= 2;
            if (explicitFollows)
            {
                continue;
            }

            if (Negation.IsNegated(tokens, hit.Start, hit.Length))
            {
                excluded ??= hit.Date;
            }
            else
            {
                date = hit.Date;
            }
        }

        return new DateFindings(date, excluded);
    }

    private static bool TryAt(TokenStream t, int i, DateOnly today, InterpretationContext context, out DateHit hit)
    {
        hit = default;
        var w = t[i];
        if (t.MatchesAt(i, ["day", "after", "tomorrow"]))
        {
            hit = new DateHit(today.AddDays(2), i, 3, false);
        }
        else if (w is "today" or "tonight" or "tonite")
        {
            // "tonight" stays free: the time parser reads it as the evening.
            hit = new DateHit(today, i, w == "today" ? 1 : 0, false);
        }
        else if (w == "this" && t[i + 1] is "morning" or "afternoon" or "evening")
        {
            hit = new DateHit(today, i, 1, false);
        }
        else if (w is "tomorrow" or "tomorrows" or "tmrw")
        {
            hit = new DateHit(today.AddDays(1), i, 1, false);
        }
        else if (RelativeDates.TryAt(t, i, today, out hit) || TryWeekday(t, i, today, out hit) || ExplicitDates.TryMonthFirst(t, i, today, out hit) || ExplicitDates.TryNthWeekday(t, i, today, out hit)
            || ExplicitDates.TryDayFirst(t, i, today, out hit) || ExplicitDates.TryNumeric(t, i, today, context, out hit))
        {
            return true;
        }
        else if (w is "weekend" || (w is "this" or "the" && t[i + 1] == "weekend"))
        {
            var length = w == "weekend" ? 1 : 2;
            hit = new DateHit(CalendarWords.This(today, DayOfWeek.Saturday), i, length, false);
        }
        else if (w == "next" && t[i + 1] == "weekend")
        {
            hit = new DateHit(CalendarWords.Next(today, DayOfWeek.Saturday), i, 2, false);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool TryWeekday(TokenStream t, int i, DateOnly today, out DateHit hit)
    {
        hit = default;
        var modifier = t[i] switch
        {
            "this" or "coming" => "this",
            "next" or "following" => "next",
            _ => null,
        };
        var at = i;
        if (modifier is not null)
        {
            at++;
            if (modifier == "this" && t[at] == "coming")
            {
                at++;
            }
        }

        if (!CalendarWords.TryWeekday(t[at], out var day))
        {
            return false;
        }

        var end = at + 1;
        if (modifier is null && t.MatchesAt(end, ["next", "week"]))
        {
            modifier = "next";
            end += 2;
        }
        else if (modifier is null && t.MatchesAt(end, ["this", "week"]))
        {
            modifier = "this";
            end += 2;
        }
        else if (modifier is null && t.MatchesAt(end, ["after", "next"]))
        {
            hit = new DateHit(CalendarWords.Upcoming(today, day).AddDays(7), i, end + 2 - i, false);
            return true;
        }

        var date = modifier switch
        {
            "this" => CalendarWords.This(today, day),
            "next" => CalendarWords.Next(today, day),
            _ => CalendarWords.Upcoming(today, day),
        };
        hit = new DateHit(date, i, end - i, false);
        return true;
    }
}
