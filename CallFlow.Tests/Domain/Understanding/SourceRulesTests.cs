namespace CallFlow.Tests.Domain.Understanding;

/// <summary>The interpreter must not read the server's clock or zone, nor build a regex per utterance.</summary>
public class SourceRulesTests
{
    public static TheoryData<string> Forbidden => new()
    {
        "DateTime.Now", "DateTime.Today", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
        "TimeZoneInfo.Local", "new Regex(", "Regex.Match(", "Regex.IsMatch(", "Regex.Replace(",
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void The_understanding_code_never_uses(string forbidden)
    {
        var folder = Path.Combine(SolutionFolder(), "CallFlow.Domain", "Understanding");
        var files = Directory.GetFiles(folder, "*.cs");
        files.ShouldNotBeEmpty();

        files.Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal)).Select(Path.GetFileName).ShouldBeEmpty();
    }

    private static string SolutionFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CallFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("CallFlow.sln not found above the test output folder.");
    }
}
