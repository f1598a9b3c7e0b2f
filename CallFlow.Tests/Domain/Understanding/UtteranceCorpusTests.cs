using CallFlow.Domain.Understanding;
using CallFlow.Tests.Domain.Understanding.Corpus;

namespace CallFlow.Tests.Domain.Understanding;

public class UtteranceCorpusTests
{
    private static readonly RuleBasedInterpreter Interpreter = new();

    internal static IReadOnlyList<CorpusRow> All { get; } =
        [.. CorpusTable.Parse(UtteranceCorpus.Intents), .. CorpusTable.Parse(UtteranceCorpus.Entities), .. CorpusTable.Parse(UtteranceCorpus.Caller)];

    public static IEnumerable<TheoryDataRow<string, string, string>> Rows() =>
        All.Select(row => new TheoryDataRow<string, string, string>(row.Category, row.Step, row.Says)
        {
            TestDisplayName = $"{row.Category} | {row.Step} | {row.Says}",
        });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_utterance_in_the_corpus_is_understood_as_written(string category, string step, string says)
    {
        var row = All.Single(r => r.Category == category && r.Step == step && r.Says == says);

        var actual = Interpreter.Interpret(row.Utterance, Salon.Context(row.Step));

        row.Differences(actual, Salon.CallerId).ShouldBeEmpty($"\"{row.Says}\" at the {row.Step} step");
    }

    [Fact]
    public void The_corpus_has_at_least_300_utterances_in_every_required_category()
    {
        All.Count.ShouldBeGreaterThanOrEqualTo(300);
        var categories = All.Select(r => r.Category).ToHashSet();
        string[] required =
        [
            "Booking", "Reschedule", "Cancel", "Inquiry: hours", "Inquiry: address", "Inquiry: prices", "Inquiry: services",
            "Inquiry: parking", "Inquiry: cancellation policy", "Speak to a person", "Yes and no", "Change requests",
            "Goodbye", "Unknown", "Services", "Dates", "Times", "Names", "Phone numbers", "Must not match",
        ];
        required.Where(c => !categories.Contains(c)).ShouldBeEmpty();
    }

    [Fact]
    public void No_utterance_appears_twice_at_the_same_step()
    {
        All.GroupBy(r => (r.Category, r.Step, r.Says)).Where(g => g.Count() > 1).Select(g => g.Key.Says).ShouldBeEmpty();
    }
}
