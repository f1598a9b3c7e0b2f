using System.Runtime.CompilerServices;
using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Understanding;

/// <summary>The service asked for, every service mentioned, and a service ruled out.</summary>
internal readonly record struct ServiceFindings(ServiceMatch? Best, IReadOnlyList<ServiceMatch> Candidates, ServiceOffering? Excluded);

/// <summary>
/// Matches what the caller said against the business's services and their synonyms ("a trim" is a Haircut).
/// The name scores 1.0, a synonym 0.95, a near miss less. A match under 0.7, or two services within 0.1 of each
/// other ("a cut and color"), gives no service: the engine asks rather than guesses.
/// </summary>
internal static class ServiceMatcher
{
    public const double Threshold = 0.7;
    public const double TieMargin = 0.1;

    private static readonly ConditionalWeakTable<BusinessProfile, IReadOnlyList<Label>> LabelsByBusiness = new();

    public static ServiceFindings Match(TokenStream t, BusinessProfile business) =>
        Match(t, business.Services, LabelsFor(business));

    public static ServiceFindings Match(TokenStream t, IReadOnlyList<ServiceOffering> services, IReadOnlyList<Label> labels)
    {
        var hits = PhraseMatcher.Find(t, labels);
        var candidates = hits.Where(h => !h.Negated)
            .GroupBy(h => h.Label.Key)
            .Select(g => g.MaxBy(h => h.Score))
            .Select(h => new ServiceMatch(services[h.Label.Key], Math.Round(h.Score, 3), h.Label.Text))
            .OrderByDescending(m => m.Score)
            .ToList();
        var excluded = hits.FirstOrDefault(h => h.Negated && candidates.All(c => c.Service != services[h.Label.Key]));
        var best = candidates.Count > 0 && candidates[0].Score >= Threshold
            && (candidates.Count == 1 || candidates[0].Score - candidates[1].Score >= TieMargin)
                ? candidates[0]
                : null;
        return new ServiceFindings(best, candidates, excluded.Label is null ? null : services[excluded.Label.Key]);
    }

    /// <summary>Name and synonyms of each service, keyed by the service's position in <paramref name="services"/>.</summary>
    public static IReadOnlyList<Label> LabelsFor(IReadOnlyList<ServiceOffering> services)
    {
        var labels = new List<Label>();
        for (var key = 0; key < services.Count; key++)
        {
            labels.Add(Label.Of(key, services[key].Name, 1.0));
            labels.AddRange(services[key].Synonyms.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Label.Of(key, s, 0.95)));
        }

        return labels;
    }

    /// <summary>Every word of every service label, so a name is never mistaken for a service ("it's color").</summary>
    public static bool IsServiceWord(BusinessProfile business, string word) =>
        LabelsFor(business).Any(l => l.Words.Contains(word) || l.Compact == word);

    private static IReadOnlyList<Label> LabelsFor(BusinessProfile business) =>
        LabelsByBusiness.GetValue(business, b => LabelsFor(b.Services));
}
