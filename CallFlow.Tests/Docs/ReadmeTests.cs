using CallFlow.Domain.Calls;
using CallFlow.Web.Hosting;

namespace CallFlow.Tests.Docs;

public class ReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(RootConfiguration.FindSettingsDirectory(AppContext.BaseDirectory), "README.md"));

    [Fact]
    public void The_readme_diagram_is_the_one_generated_from_the_state_machine()
    {
        const string start = "```mermaid\n";
        var readme = Readme.ReplaceLineEndings("\n");
        var from = readme.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThan(-1, "README.md has no mermaid block");
        var to = readme.IndexOf("```", from + start.Length, StringComparison.Ordinal);

        var documented = readme[(from + start.Length)..to];

        documented.ShouldBe(CallStateMachine.ToMermaid(), "regenerate the README diagram: dotnet run --project CallFlow.Web -- diagram");
    }

    [Fact]
    public void The_readme_gives_the_two_commands()
    {
        Readme.ShouldContain("dotnet run --project CallFlow.Web");
        Readme.ShouldContain("dotnet test");
    }
}
