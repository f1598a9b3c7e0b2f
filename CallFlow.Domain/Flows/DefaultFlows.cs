using CallFlow.Domain.Businesses;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Flows;

/// <summary>The flows a business starts with, before its owner edits them.</summary>
public static class DefaultFlows
{
    /// <summary>E.164: a plus, a country code and up to 14 more digits.</summary>
    public const string PhonePattern = @"^\+[1-9]\d{6,14}$";

    /// <summary>Letters, with spaces, apostrophes, hyphens and dots between them.</summary>
    public const string NamePattern = @"^\p{L}[\p{L}\p{M} '’.\-]{0,79}$";

    /// <summary>
    /// The seed's four steps: the service (its options are the business's services), the day, the time, and the
    /// caller's name and phone number, each depending on the one before.
    /// </summary>
    public static FlowDefinition Booking(BusinessProfile business)
    {
        ArgumentNullException.ThrowIfNull(business);
        var services = business.Services.Select(s => s.Name).ToList();
        return new FlowDefinition
        {
            Type = FlowTypes.Booking,
            Name = "Booking",
            Steps =
            [
                new FlowStep
                {
                    Id = "service",
                    Name = "Service",
                    Type = StepType.ServiceSelection,
                    Prompt = services.Count == 0 ? "Which service would you like?" : $"Which service would you like: {Speech.List(services, "or")}?",
                    Input = StepInput.Selection,
                    Options = services,
                    Fields = [BookingFields.Service],
                },
                new FlowStep
                {
                    Id = "date",
                    Name = "Date",
                    Prompt = "What day would you like to come in?",
                    Input = StepInput.Date,
                    DependsOn = ["service"],
                    Fields = [BookingFields.Date],
                },
                new FlowStep
                {
                    Id = "time",
                    Name = "Time",
                    Type = StepType.TimeSelection,
                    Prompt = "And what time suits you?",
                    Input = StepInput.Time,
                    DependsOn = ["date"],
                    Fields = [BookingFields.Time],
                },
                new FlowStep
                {
                    Id = "contact",
                    Name = "Contact info",
                    Prompt = "Can I have your name and the best number to reach you?",
                    Input = StepInput.Text,
                    DependsOn = ["time"],
                    Fields = [BookingFields.CustomerName, BookingFields.CustomerPhone],
                    Validation = new StepValidation(PhonePattern, "That doesn't sound like a complete phone number.", BookingFields.CustomerPhone),
                },
            ],
            RequiredFields = [.. FlowFields.Booking],
            ValidationRules = [new FieldRule(BookingFields.CustomerName, NamePattern, "I didn't catch a name I can write down.")],
        };
    }
}
