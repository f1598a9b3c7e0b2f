using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// What a question is about: hours, address, prices, services, parking, cancellation, or any other topic the
/// business answers in its FAQ (a key such as "wifi" matches when its words are said). The topic is reported as the
/// business's own FAQ key when it has one for it, so the engine can answer from <c>Faq[topic]</c>.
/// </summary>
internal static class InquiryTopics
{
    private sealed record Topic(string Name, string[][] Phrases, string[] FaqKeys);

    private static readonly Topic[] Known =
    [
        new("hours", Phrases.Of(
            "hours", "are you open", "you open", "youre open", "is it open", "salon open", "open on", "open today",
            "open tomorrow", "open until", "open till", "open late", "open early", "opening hours", "opening times",
            "close", "closing", "closed", "what time do you", "how late", "how early", "when do you open",
            "when do you close", "when are you open"),
            ["hours", "opening hours", "opening_hours", "opening-hours", "open", "opening times", "schedule"]),
        new("address", Phrases.Of(
            "address", "where are you", "where is the salon", "where is your", "wheres the salon", "where exactly",
            "wheres your", "located", "location", "directions", "find you", "get to you", "get there", "whereabouts",
            "which street", "what street", "nearest station", "subway", "where is it"),
            ["address", "location", "directions", "where"]),
        new("prices", Phrases.Of(
            "price", "prices", "pricing", "cost", "costs", "how much", "charge", "rates", "fee", "fees", "expensive",
            "cheap", "price list"),
            ["prices", "price", "pricing", "cost", "costs", "rates", "fees"]),
        new("services", Phrases.Of(
            "services", "what do you offer", "do you offer", "what do you do", "do you do", "what kind of",
            "what can i get", "menu", "treatments", "what else do you"),
            ["services", "service", "menu", "treatments"]),
        new("parking", Phrases.Of("parking", "park", "car park", "garage", "parking lot", "where can i leave my car"),
            ["parking", "park"]),
        new("cancellation", Phrases.Of(
            "cancellation", "cancellations", "cancellation policy", "cancel policy", "if i cancel", "if i need to cancel",
            "if i have to cancel", "late cancellation", "no show", "refund", "policy"),
            ["cancellation", "cancellation policy", "cancellation_policy", "cancellations", "cancel", "policy"]),
    ];

    public static string? Find(TokenStream t, BusinessProfile business)
    {
        // "Is there a fee if I cancel?" asks about the policy, not the price list.
        if (IsAboutPolicy(t))
        {
            return KeyFor(Known[^1], business);
        }

        var best = (Index: int.MaxValue, Topic: (string?)null);
        foreach (var topic in Known)
        {
            var (at, _) = t.FindAny(topic.Phrases);
            if (at >= 0 && at < best.Index)
            {
                best = (at, KeyFor(topic, business));
            }
        }

        foreach (var key in business.Faq.Keys)
        {
            var words = PhraseMatcher.Normalize(key.Replace('_', ' ').Replace('-', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var at = FindAllWords(t, words);
            if (words.Length > 0 && at >= 0 && at < best.Index && !IsKnownKey(key))
            {
                best = (at, key);
            }
        }

        return best.Topic;
    }

    /// <summary>Whether a word belongs to a cancellation-policy question rather than a request to cancel.</summary>
    public static bool IsAboutPolicy(TokenStream t) => t.ContainsAny(Known[^1].Phrases);

    private static string KeyFor(Topic topic, BusinessProfile business)
    {
        foreach (var alias in topic.FaqKeys)
        {
            foreach (var key in business.Faq.Keys)
            {
                if (string.Equals(key, alias, StringComparison.OrdinalIgnoreCase))
                {
                    return key;
                }
            }
        }

        return topic.Name;
    }

    private static bool IsKnownKey(string key) =>
        Known.Any(topic => topic.FaqKeys.Contains(key, StringComparer.OrdinalIgnoreCase));

    // Every word of a multi-word FAQ key somewhere in the utterance (plural-insensitive); the index of the first.
    private static int FindAllWords(TokenStream t, string[] words)
    {
        var first = int.MaxValue;
        foreach (var word in words)
        {
            var found = -1;
            for (var i = 0; i < t.Count && found < 0; i++)
            {
                if (t[i].Length > 0 && PhraseMatcher.Stem(t[i]) == PhraseMatcher.Stem(word))
                {
                    found = i;
                }
            }

            if (found < 0)
            {
                return -1;
            }

            first = Math.Min(first, found);
        }

        return first;
    }
}
