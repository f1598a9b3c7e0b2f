using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Flows;

/// <summary>
/// What the engine knows about the booking fields (<see cref="BookingFields"/>): how each is read, how to ask for it
/// alone (when a step's other fields are already known) and how to ask again. Any other field is read as its step's
/// input type and stored as said.
/// </summary>
public static class FlowFields
{
    /// <summary>The fields every booking flow must collect: the calendar needs them to book.</summary>
    public static readonly IReadOnlyList<string> Booking =
        [BookingFields.Service, BookingFields.Date, BookingFields.Time, BookingFields.CustomerName, BookingFields.CustomerPhone];

    public static bool IsBookingField(string field) => Booking.Contains(field, StringComparer.Ordinal);

    /// <summary>The input type a booking field must be collected with; null for the owner's own fields.</summary>
    public static StepInput? RequiredInput(string field) => field switch
    {
        BookingFields.Service => StepInput.Selection,
        BookingFields.Date => StepInput.Date,
        BookingFields.Time => StepInput.Time,
        BookingFields.CustomerName or BookingFields.CustomerPhone => StepInput.Text,
        _ => null,
    };

    /// <summary>How the interpreter should read an answer for <paramref name="field"/> at a step of <paramref name="input"/>.</summary>
    public static ExpectedInput Reading(string field, StepInput input) => field switch
    {
        BookingFields.Service => ExpectedInput.Selection,
        BookingFields.Date => ExpectedInput.Date,
        BookingFields.Time => ExpectedInput.Time,
        BookingFields.CustomerName => ExpectedInput.Name,
        BookingFields.CustomerPhone => ExpectedInput.Phone,
        _ => input switch
        {
            StepInput.Number => ExpectedInput.Number,
            StepInput.Date => ExpectedInput.Date,
            StepInput.Time => ExpectedInput.Time,
            StepInput.Selection => ExpectedInput.Selection,
            _ => ExpectedInput.Text,
        },
    };

    /// <summary>The question for one field when the rest of its step is already answered.</summary>
    public static string AskFor(string field) => field switch
    {
        BookingFields.Service => "Which service would you like?",
        BookingFields.Date => "What day would you like to come in?",
        BookingFields.Time => "What time suits you?",
        BookingFields.CustomerName => "Can I have your name, please?",
        BookingFields.CustomerPhone => "And what's the best number to reach you?",
        _ => $"What's the {Words(field)}?",
    };

    /// <summary>The second way of asking, after the caller was not understood once.</summary>
    public static string Rephrase(string field) => field switch
    {
        BookingFields.Service => "Which service can I book for you?",
        BookingFields.Date => "Which day would suit you best?",
        BookingFields.Time => "What time of day would you like?",
        BookingFields.CustomerName => "What name should I put the booking under?",
        BookingFields.CustomerPhone => "What phone number can we reach you on?",
        _ => $"Could you tell me the {Words(field)}?",
    };

    /// <summary>The third way: what the caller can say, read out (options are read out by the engine).</summary>
    public static string Examples(string field, StepInput input) => field switch
    {
        BookingFields.Date => "You can say a day like tomorrow, Friday, or March 12th.",
        BookingFields.Time => "You can say a time like 10 AM or 2:30 in the afternoon.",
        BookingFields.CustomerName => "Please say your first and last name.",
        BookingFields.CustomerPhone => "Please say or key in your phone number with the area code, or say \"this number\" for the one you're calling from.",
        _ => input switch
        {
            StepInput.Number => "Please say a number.",
            StepInput.Date => "You can say a day like tomorrow or Friday.",
            StepInput.Time => "You can say a time like 10 AM.",
            _ => "Please answer in a few words.",
        },
    };

    /// <summary>"customerName" → "customer name", for sentences about the owner's own fields.</summary>
    public static string Words(string field)
    {
        var builder = new System.Text.StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(c is '_' or '-' ? ' ' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
