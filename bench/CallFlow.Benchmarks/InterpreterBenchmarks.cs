using BenchmarkDotNet.Attributes;
using CallFlow.Domain.Understanding;

namespace CallFlow.Benchmarks;

/// <summary>
/// The rule-based interpreter, per utterance (target ≤ 100 µs): the whole mix of what callers say, and each kind on
/// its own. Every invocation interprets <see cref="BenchmarkFixtures.InterpreterBatchSize"/> utterances, so the Mean
/// column is the time of one.
/// </summary>
[MemoryDiagnoser]
public class InterpreterBenchmarks
{
    private readonly RuleBasedInterpreter _interpreter = new();
    private (Utterance Utterance, InterpretationContext Context)[] _batch = [];

    [ParamsSource(nameof(Mixes))]
    public string Mix { get; set; } = BenchmarkFixtures.AllCategories;

    public static IEnumerable<string> Mixes => BenchmarkFixtures.Mixes;

    [GlobalSetup]
    public void Setup() => _batch = [.. BenchmarkFixtures.InterpreterBatch(Mix)];

    [Benchmark(OperationsPerInvoke = BenchmarkFixtures.InterpreterBatchSize)]
    public int Interpret()
    {
        var intents = 0;
        foreach (var (utterance, context) in _batch)
        {
            intents += (int)_interpreter.Interpret(utterance, context).Intent;
        }

        return intents;
    }
}

/// <summary>
/// The whole mix with a new <see cref="Domain.Businesses.BusinessProfile"/> for every utterance: the interpreter builds
/// a business's service labels once per profile instance, so this is the cost when the caller of the interpreter
/// does not keep the profile from one turn to the next.
/// </summary>
[MemoryDiagnoser]
public class InterpreterNewProfileBenchmarks
{
    private readonly RuleBasedInterpreter _interpreter = new();
    private (Utterance Utterance, InterpretationContext Context)[] _batch = [];

    [GlobalSetup]
    public void Setup() => _batch = [.. BenchmarkFixtures.InterpreterBatch(BenchmarkFixtures.AllCategories)];

    [Benchmark(OperationsPerInvoke = BenchmarkFixtures.InterpreterBatchSize)]
    public int InterpretWithNewProfile()
    {
        var intents = 0;
        foreach (var (utterance, context) in _batch)
        {
            var fresh = context with { Business = context.Business with { } };
            intents += (int)_interpreter.Interpret(utterance, fresh).Intent;
        }

        return intents;
    }
}
