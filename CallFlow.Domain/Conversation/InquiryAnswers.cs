using System.Globalization;
using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// Answers a caller's question from the business's own words: its FAQ entry for the topic when it has one, else
/// what its settings say (opening hours, address, services and their prices). A topic nothing answers is admitted,
/// not guessed.
/// </summary>
public static class InquiryAnswers
{
    /// <summary>The answer for <paramref name="topic"/> (an FAQ key or hours, address, prices, services, parking, cancellation).</summary>
    public static string Answer(BusinessProfile business, string? topic)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (topic is not null && business.Faq.TryGetValue(topic, out var faq) && !string.IsNullOrWhiteSpace(faq))
        {
            return faq.Trim();
        }

        var answer = topic switch
        {
            "hours" => BusinessHours.Describe(business),
            "address" when !string.IsNullOrWhiteSpace(business.Address) => $"We're at {business.Address}.",
            "prices" => Prices(business),
            "services" or null => Services(business),
            _ => "",
        };
        return answer.Length > 0 ? answer : "I'm afraid I don't have that information, but the team will be happy to help.";
    }

    private static string Services(BusinessProfile business) => business.Services.Count == 0
        ? ""
        : $"We offer {Speech.List([.. business.Services.Select(s => s.Name)])}.";

    private static string Prices(BusinessProfile business)
    {
        var priced = business.Services.Select(s => s.Price > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Speech.WithArticle(s.Name)} is {s.Price:0.##} dollars")
            : $"{Speech.WithArticle(s.Name)} is free").ToList();
        return priced.Count == 0 ? "" : Speech.Sentence(Speech.List(priced));
    }
}
