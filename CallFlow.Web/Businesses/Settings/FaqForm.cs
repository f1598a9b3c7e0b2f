using System.ComponentModel.DataAnnotations;

namespace CallFlow.Web.Businesses.Settings;

/// <summary>The answers the assistant gives to common questions, by topic.</summary>
public sealed class FaqForm
{
    public const int MaxEntries = 50;

    /// <summary>
    /// Topics the interpreter recognises in callers' questions (CallFlow.Domain/Understanding/InquiryTopics); any other
    /// topic works too, matched when a caller says its words ("wifi").
    /// </summary>
    public static IReadOnlyList<string> KnownTopics { get; } = ["hours", "address", "prices", "services", "parking", "cancellation"];

    public List<FaqEntryForm> Entries { get; set; } = [];

    public static FaqForm From(Business business) => new()
    {
        Entries = [.. business.Faq.OrderBy(e => Rank(e.Key)).ThenBy(e => e.Key, StringComparer.OrdinalIgnoreCase)
            .Select(e => new FaqEntryForm { Topic = e.Key, Answer = e.Value })],
    };

    /// <summary>Known topics without an answer yet, to offer as one-click additions.</summary>
    public IEnumerable<string> MissingTopics =>
        KnownTopics.Where(topic => !Entries.Any(e => string.Equals(e.Topic?.Trim(), topic, StringComparison.OrdinalIgnoreCase)));

    private static int Rank(string topic) =>
        KnownTopics.Select((known, at) => (known, at)).FirstOrDefault(k => string.Equals(k.known, topic, StringComparison.OrdinalIgnoreCase)) is (not null, var at) ? at : KnownTopics.Count;
}

/// <summary>One topic and what the assistant says about it.</summary>
public sealed class FaqEntryForm
{
    public const int MaxAnswer = 1000;

    [Required(ErrorMessage = "Name the topic, such as parking.")]
    [StringLength(60, ErrorMessage = "Keep the topic under 60 characters.")]
    [RegularExpression(@"^[\p{L}\p{N}][\p{L}\p{N} _'-]*$", ErrorMessage = "A topic is a word or two, such as parking or gift cards.")]
    public string? Topic { get; set; }

    [Required(ErrorMessage = "Write the answer the assistant should say.")]
    [StringLength(MaxAnswer, ErrorMessage = "Keep the answer under 1000 characters: callers hear all of it.")]
    public string? Answer { get; set; }
}
