using System.Globalization;

namespace CallFlow.Web.TestCalls;

/// <summary>What the tester picked on the test-call page, turned into a <see cref="TestCallRequest"/> when they dial.</summary>
public sealed class TestCallChoice
{
    public const string Published = "published";

    public string? BusinessId { get; set; }

    /// <summary><see cref="Published"/> or a version id.</summary>
    public string FlowKey { get; set; } = Published;

    public string From { get; set; } = TestCallDialer.DefaultCaller;

    public static string KeyOf(TestableFlow flow) => flow.VersionId?.ToString(CultureInfo.InvariantCulture) ?? Published;

    public TestCallRequest ToRequest() =>
        new(BusinessId ?? "", long.TryParse(FlowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null, From ?? "");
}
