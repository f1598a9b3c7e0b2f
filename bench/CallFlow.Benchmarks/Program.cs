using BenchmarkDotNet.Running;

namespace CallFlow.Benchmarks;

/// <summary><c>dotnet run -c Release --project bench/CallFlow.Benchmarks -- --filter '*'</c> (add <c>--job short</c> for a quick run).</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
