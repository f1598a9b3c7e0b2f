using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Understanding;

namespace CallFlow.Benchmarks;

/// <summary>
/// One thing a caller says at one step of a booking call, and what it must mean, in the notation of the test suite's
/// utterance corpus (<c>service=Haircut; date=Thu 2026-03-05; time=15:00</c>; details not listed must not be found).
/// </summary>
/// <param name="Step">open (how can I help?), confirm (the read-back), name, phone.</param>
public sealed record BenchmarkUtterance(string Category, string Step, string Says, string Intent, string Details = "")
{
    public Utterance Utterance => Utterance.Speech(Says);
}

public static partial class BenchmarkFixtures
{
    public const int UtterancesPerCategory = 6;

    public const int Categories = 7;

    /// <summary>Interpretations per benchmark invocation, whatever the mix (a category's six are read seven times).</summary>
    public const int InterpreterBatchSize = UtterancesPerCategory * Categories;

    public const string AllCategories = "all";

    /// <summary>What callers say, six of each kind; read at Wednesday 4 March 2026, 10:00 (Friday is the 6th).</summary>
    public static IReadOnlyList<BenchmarkUtterance> Utterances { get; } =
    [
        new("booking", "open", "I'd like to book a haircut tomorrow at 3", "Book", "service=Haircut; date=Thu 2026-03-05; time=15:00"),
        new("booking", "open", "Can I get a blow dry on Saturday at 10am?", "Book", "service=Styling; date=Sat 2026-03-07; time=10:00"),
        new("booking", "open", "book me in for highlights on March 20th at 11", "Book", "service=Color; date=Fri 2026-03-20; time=11:00"),
        new("booking", "open", "I'd like to book a trim on Friday March 6th at 2:30 pm", "Book", "service=Haircut; date=Fri 2026-03-06; time=14:30"),
        new("booking", "open", "Hi, I want to get my hair colored next Tuesday", "Book", "service=Color; date=Tue 2026-03-10"),
        new("booking", "open", "Any availability on Friday after 4?", "Book", "date=Fri 2026-03-06; time=after 16:00"),

        new("name", "name", "Dana Smith", "Book", "name=Dana Smith"),
        new("name", "name", "my name is Priya Patel", "Book", "name=Priya Patel"),
        new("name", "name", "It's Luis Garcia", "Book", "name=Luis Garcia"),
        new("name", "name", "The name's O'Brien", "Book", "name=O'Brien"),
        new("name", "name", "Mary-Jane Watson", "Book", "name=Mary-Jane Watson"),
        new("name", "name", "call me Sam", "Book", "name=Sam"),

        new("phone", "phone", "212 555 0147", "Book", "phone=+12125550147"),
        new("phone", "phone", "two one two five five five oh one four seven", "Book", "phone=+12125550147"),
        new("phone", "phone", "(718) 555-0134", "Book", "phone=+17185550134"),
        new("phone", "phone", "my number is 347 555 0110", "Book", "phone=+13475550110"),
        new("phone", "phone", "plus one six four six five five five zero one nine eight", "Book", "phone=+16465550198"),
        new("phone", "phone", "It's Dana Smith, my number is 917 555 0123", "Book", "phone=+19175550123; name=Dana Smith"),

        new("yes/no", "confirm", "Yes", "Yes"),
        new("yes/no", "confirm", "yeah that's right", "Yes"),
        new("yes/no", "confirm", "Perfect, book it", "Yes"),
        new("yes/no", "confirm", "No", "No"),
        new("yes/no", "confirm", "No, that's wrong", "No"),
        new("yes/no", "confirm", "not really", "No"),

        new("correction", "confirm", "actually make it four", "ChangeRequest", "time=16:00"),
        new("correction", "confirm", "No, make it Friday at 10", "ChangeRequest", "date=Fri 2026-03-06; time=10:00"),
        new("correction", "confirm", "Sorry, I meant color, not a haircut", "ChangeRequest", "service=Color; not-service=Haircut"),
        new("correction", "confirm", "not Tuesday, Wednesday", "ChangeRequest", "date=Wed 2026-03-11; not-date=Tue 2026-03-10"),
        new("correction", "confirm", "Instead of 3, can we do 4?", "ChangeRequest", "time=16:00; not-time=15:00"),
        new("correction", "confirm", "no, make it 2:30 pm", "ChangeRequest", "time=14:30"),

        new("inquiry", "open", "What are your hours?", "GeneralInquiry", "topic=hours"),
        new("inquiry", "open", "Where are you located?", "GeneralInquiry", "topic=address"),
        new("inquiry", "open", "How much is a haircut?", "GeneralInquiry", "topic=prices; service=Haircut"),
        new("inquiry", "open", "Is there parking nearby?", "GeneralInquiry", "topic=parking"),
        new("inquiry", "open", "What's your cancellation policy?", "GeneralInquiry", "topic=cancellation"),
        new("inquiry", "open", "Do you do balayage?", "GeneralInquiry", "topic=services; service=Color"),

        new("unknown", "open", "What's the weather like?", "Unknown"),
        new("unknown", "open", "Is this the pizza place?", "Unknown"),
        new("unknown", "open", "purple monkey dishwasher", "Unknown"),
        new("unknown", "open", "I was just wondering", "Unknown"),
        new("unknown", "open", "My dog is called Rex", "Unknown"),
        new("unknown", "open", "Hmm", "Unknown"),
    ];

    /// <summary>"all", then each category in the order above.</summary>
    public static IReadOnlyList<string> Mixes { get; } = [AllCategories, .. Utterances.Select(u => u.Category).Distinct()];

    /// <summary>The context of a step, as the conversation engine builds it mid-call.</summary>
    public static InterpretationContext Context(string step, BusinessProfile business)
    {
        var (state, expected) = step switch
        {
            "open" => (CallState.InConversation, Expectation.Any),
            "confirm" => (CallState.ConfirmingDetails, Expectation.YesNo("confirmation")),
            "name" => (CallState.CollectingInfo, new Expectation(ExpectedInput.Name, BookingFields.CustomerName)),
            "phone" => (CallState.CollectingInfo, new Expectation(ExpectedInput.Phone, BookingFields.CustomerPhone)),
            _ => throw new ArgumentException($"Unknown step '{step}'.", nameof(step)),
        };
        return new InterpretationContext { Business = business, Now = Now, CallerId = CallerId, State = state, Expected = expected };
    }

    /// <summary>
    /// <see cref="InterpreterBatchSize"/> utterances with their contexts, all sharing one business: the whole mix, or one
    /// category's six repeated so every mix does the same number of interpretations per invocation.
    /// </summary>
    public static IReadOnlyList<(Utterance Utterance, InterpretationContext Context)> InterpreterBatch(string mix)
    {
        var business = Salon();
        var chosen = mix == AllCategories ? Utterances : [.. Utterances.Where(u => u.Category == mix)];
        if (chosen.Count == 0 || InterpreterBatchSize % chosen.Count != 0)
        {
            throw new ArgumentException($"No mix '{mix}' of a size that divides {InterpreterBatchSize}.", nameof(mix));
        }

        var contexts = chosen.Select(u => u.Step).Distinct().ToDictionary(step => step, step => Context(step, business));
        return [.. Enumerable.Repeat(chosen, InterpreterBatchSize / chosen.Count).SelectMany(u => u).Select(u => (u.Utterance, contexts[u.Step]))];
    }
}
