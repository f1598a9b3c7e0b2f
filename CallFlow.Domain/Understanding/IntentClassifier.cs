using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Understanding;

/// <summary>Everything the entity parsers found in one utterance, for the intent rules to weigh.</summary>
internal sealed record Findings(
    ServiceFindings Services,
    DateFindings Dates,
    TimeFindings Times,
    PersonName? Name,
    PhoneNumberEntity? Phone,
    SelectionMatch? Selection,
    int? Number,
    string? Topic,
    string? MentionedField)
{
    public bool HasBookingValue => Services.Best is not null || Dates.Date is not null || Times.Time is not null
        || Name is not null || Phone is not null || Selection is not null;

    public bool HasExclusion => Services.Excluded is not null || Dates.Excluded is not null || Times.Excluded is not null;
}

/// <summary>
/// Decides the intent with an ordered list of rules, most specific first, each with how sure it is:
/// asking for a person, cancelling, a correction while a booking is under way, a reschedule, a yes/no answer to a
/// question, goodbye, a question about the business, a booking, then weaker readings. The order is the policy:
/// "no, make it Thursday" at a read-back is a change, not a no; "how much is a haircut" is a question, not a booking.
/// </summary>
internal static class IntentClassifier
{
    public static (Intent Intent, double Certainty) Classify(TokenStream t, Findings found, InterpretationContext context)
    {
        if (t.WordCount == 0)
        {
            return (Intent.Unknown, 0);
        }

        var confirming = context.IsConfirming;
        var inBooking = CallStates.Booking.Contains(context.State) || context.Expected.Input != ExpectedInput.Any;
        var startsWithNo = IntentCues.NoWords.Contains(t[0]) && !IntentCues.NotANo.Contains(t[1]);
        var strongYes = HasUnnegated(t, IntentCues.Yes);
        var yes = strongYes || (confirming && HasUnnegated(t, IntentCues.YesWhenAsked));
        var no = SaysNo(t);
        var correction = t.ContainsAny(IntentCues.Correction) || (confirming && t.ContainsAny(IntentCues.Suggestion));
        var changesSomething = found.HasBookingValue || found.MentionedField is not null;
        var otherThanExpected = HasValueOtherThanExpected(found, context.Expected.Input);

        if (HasUnnegated(t, IntentCues.SpeakToPerson) || WantsSomeone(t))
        {
            return (Intent.SpeakToPerson, 0.95);
        }

        if (HasUnnegated(t, IntentCues.Cancel) && !InquiryTopics.IsAboutPolicy(t) && !(correction && found.HasBookingValue))
        {
            return (Intent.Cancel, 0.9);
        }

        if (t.ContainsAny(IntentCues.CannotCome) && !inBooking)
        {
            return found.HasBookingValue ? (Intent.Reschedule, 0.8) : (Intent.Cancel, 0.8);
        }

        if (inBooking && correction && changesSomething && (confirming || otherThanExpected || !found.HasBookingValue))
        {
            return (Intent.ChangeRequest, 0.9);
        }

        if (HasUnnegated(t, IntentCues.Reschedule) || MovesExisting(t))
        {
            return (Intent.Reschedule, 0.9);
        }

        if (confirming)
        {
            if ((startsWithNo || no) && found.HasBookingValue && !found.HasExclusion)
            {
                return (Intent.ChangeRequest, 0.85);
            }

            // "No, the time is wrong": back to the time step rather than starting over.
            if (no && found.MentionedField is not null && context.State == CallState.ConfirmingDetails)
            {
                return (Intent.ChangeRequest, 0.85);
            }

            if (no)
            {
                return (Intent.No, 0.95);
            }

            // "Thursday please" at a read-back changes the day; "yes, Thursday" repeats it back.
            if (found.HasBookingValue && !strongYes && context.Expected.Input == ExpectedInput.YesNo)
            {
                return (Intent.ChangeRequest, 0.8);
            }

            if (yes)
            {
                return (Intent.Yes, 0.95);
            }
        }

        if (t.ContainsAny(IntentCues.Goodbye) || (!confirming && t.ContainsAny(IntentCues.DeclineOffer)))
        {
            return (Intent.Goodbye, 0.9);
        }

        // "Do you do highlights on Friday at 3?" is a booking in question form, not a question about the menu.
        var servicesWithWhen = found.Topic == "services" && (found.Dates.Date is not null || found.Times.Time is not null);
        if (found.Topic is not null && !servicesWithWhen && !HasUnnegated(t, IntentCues.StrongBook))
        {
            return (Intent.GeneralInquiry, 0.9);
        }

        if (HasUnnegated(t, IntentCues.Book))
        {
            return (Intent.Book, 0.9);
        }

        if (found.HasBookingValue || found.Services.Candidates.Count > 0
            || (found.Number is not null && context.Expected.Input == ExpectedInput.Number))
        {
            return (Intent.Book, inBooking ? 0.9 : 0.75);
        }

        // "I can't do Tuesday" at a date step still moves the booking on: the engine offers another day.
        if (found.HasExclusion && inBooking)
        {
            return (Intent.Book, 0.7);
        }

        if (no && !yes)
        {
            return (Intent.No, 0.75);
        }

        if (yes)
        {
            return (Intent.Yes, 0.75);
        }

        if (t.ContainsAny(IntentCues.Thanks))
        {
            return (Intent.Goodbye, 0.6);
        }

        if (context.Expected.Input == ExpectedInput.Text)
        {
            return (Intent.Book, 0.7);
        }

        return (Intent.Unknown, 0.2);
    }

    private static bool HasValueOtherThanExpected(Findings found, ExpectedInput expected) => expected switch
    {
        ExpectedInput.Date => found.Services.Best is not null || found.Times.Time is not null || found.Name is not null || found.Phone is not null,
        ExpectedInput.Time => found.Services.Best is not null || found.Dates.Date is not null || found.Name is not null || found.Phone is not null,
        ExpectedInput.Name => found.Services.Best is not null || found.Dates.Date is not null || found.Times.Time is not null || found.Phone is not null,
        ExpectedInput.Phone => found.Services.Best is not null || found.Dates.Date is not null || found.Times.Time is not null || found.Name is not null,
        ExpectedInput.Selection => found.Dates.Date is not null || found.Times.Time is not null || found.Name is not null || found.Phone is not null,
        _ => found.HasBookingValue,
    };

    // A cue counts unless the caller negated it: "I don't want to cancel", "not right", "not sure".
    private static bool HasUnnegated(TokenStream t, string[][] cues)
    {
        foreach (var cue in cues)
        {
            for (var at = t.Find(cue); at >= 0; at = t.Find(cue, at + 1))
            {
                if (!IntentCues.Negators.Contains(t[at - 1]) && !Negation.IsNegated(t, at, cue.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool WantsSomeone(TokenStream t)
    {
        foreach (var verb in IntentCues.SpeakVerbs)
        {
            for (var at = t.Find(verb); at >= 0; at = t.Find(verb, at + 1))
            {
                var target = t[at + verb.Length];
                if (target.Length > 0 && !IntentCues.NotAPerson.Contains(target) && !Negation.IsNegated(t, at, verb.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "move my Friday haircut", "I have a booking on Tuesday and want to move it".
    private static bool MovesExisting(TokenStream t)
    {
        var existing = t.ContainsAny(IntentCues.ExistingAppointment) || HasAppointmentAfter(t, t.Find(["i", "have"]));
        for (var i = 0; i < t.Count; i++)
        {
            if (IntentCues.MoveVerbs.Contains(t[i]) && !IntentCues.Negators.Contains(t[i - 1])
                && (t[i + 1] == "my" || t[i + 2] == "my" || (existing && t[i + 1] is "it" or "that")))
            {
                return true;
            }
        }

        return false;
    }

    // "I have a 3 o'clock appointment": the appointment a few words after "I have".
    private static bool HasAppointmentAfter(TokenStream t, int at)
    {
        for (var i = at + 2; at >= 0 && i < at + 7 && !t.IsBreak(i); i++)
        {
            if (t[i] is "appointment" or "booking" or "reservation")
            {
                return true;
            }
        }

        return false;
    }

    private static bool SaysNo(TokenStream t)
    {
        if (t.ContainsAny(IntentCues.No))
        {
            return true;
        }

        for (var i = 0; i < t.Count; i++)
        {
            var opensClause = i == 0 || t.IsBreak(i - 1);
            if (opensClause && IntentCues.NoWords.Contains(t[i]) && !IntentCues.NotANo.Contains(t[i + 1]))
            {
                return true;
            }
        }

        return false;
    }
}
