using CallFlow.Benchmarks;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Understanding;
using CallFlow.Tests.Domain.Understanding;

namespace CallFlow.Tests.Benchmarks;

/// <summary>The interpreter benchmark reads what it says it reads: each utterance means what its category claims.</summary>
public class InterpreterFixtureTests
{
    public static TheoryData<string> Said => [.. BenchmarkFixtures.Utterances.Select(u => u.Says)];

    [Theory]
    [MemberData(nameof(Said))]
    public void Each_benchmark_utterance_means_what_the_fixture_claims(string says)
    {
        var u = BenchmarkFixtures.Utterances.Single(u => u.Says == says);

        var actual = new RuleBasedInterpreter().Interpret(u.Utterance, BenchmarkFixtures.Context(u.Step, BenchmarkFixtures.Salon()));

        new CorpusRow(u.Category, u.Step, u.Says, u.Intent, u.Details, 0).Differences(actual, BenchmarkFixtures.CallerId).ShouldBeEmpty();
    }

    [Fact]
    public void Every_kind_of_utterance_has_the_same_number_so_each_mix_is_one_batch()
    {
        var byCategory = BenchmarkFixtures.Utterances.GroupBy(u => u.Category).ToList();

        byCategory.Count.ShouldBe(BenchmarkFixtures.Categories);
        byCategory.ShouldAllBe(g => g.Count() == BenchmarkFixtures.UtterancesPerCategory);
        byCategory.Select(g => g.Key).ShouldBe(["booking", "name", "phone", "yes/no", "correction", "inquiry", "unknown"]);
        BenchmarkFixtures.Mixes.ShouldBe([BenchmarkFixtures.AllCategories, .. byCategory.Select(g => g.Key)]);
        BenchmarkFixtures.Utterances.Select(u => u.Says).ShouldBeUnique();
    }

    [Fact]
    public void The_whole_mix_reads_every_utterance_once_and_a_category_only_its_own()
    {
        BenchmarkFixtures.InterpreterBatch(BenchmarkFixtures.AllCategories).Select(b => b.Utterance.Text)
            .ShouldBe(BenchmarkFixtures.Utterances.Select(u => u.Says));

        var phones = BenchmarkFixtures.InterpreterBatch("phone");
        phones.Count.ShouldBe(BenchmarkFixtures.InterpreterBatchSize);
        phones.ShouldAllBe(b => b.Context.Expected.Input == ExpectedInput.Phone);
        phones.Select(b => b.Utterance.Text).Distinct()
            .ShouldBe(BenchmarkFixtures.Utterances.Where(u => u.Category == "phone").Select(u => u.Says));
    }

    [Fact]
    public void An_unknown_mix_is_refused()
    {
        Should.Throw<ArgumentException>(() => BenchmarkFixtures.InterpreterBatch("pizza"));
    }

    public static TheoryData<string> Mixes => [.. BenchmarkFixtures.Mixes];

    [Theory]
    [MemberData(nameof(Mixes))]
    public void The_benchmark_finds_the_claimed_intents_for_each_mix(string mix)
    {
        var benchmark = new InterpreterBenchmarks { Mix = mix };
        benchmark.Setup();

        benchmark.Interpret().ShouldBe(ExpectedIntentSum(mix));
    }

    [Fact]
    public void The_new_profile_benchmark_finds_the_claimed_intents()
    {
        var benchmark = new InterpreterNewProfileBenchmarks();
        benchmark.Setup();

        benchmark.InterpretWithNewProfile().ShouldBe(ExpectedIntentSum(BenchmarkFixtures.AllCategories));
    }

    private static int ExpectedIntentSum(string mix)
    {
        var chosen = BenchmarkFixtures.Utterances.Where(u => mix == BenchmarkFixtures.AllCategories || u.Category == mix).ToList();
        return chosen.Sum(u => (int)Enum.Parse<Intent>(u.Intent)) * (BenchmarkFixtures.InterpreterBatchSize / chosen.Count);
    }
}
