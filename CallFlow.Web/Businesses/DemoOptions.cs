namespace CallFlow.Web.Businesses;

/// <summary>The demo business seeded into an empty database (section <c>Demo</c>).</summary>
public sealed record DemoOptions
{
    public const string Section = "Demo";

    public bool SeedOnEmptyDatabase { get; init; } = true;

    public string PhoneNumber { get; init; } = DemoBusiness.DefaultPhoneNumber;

    public string CalendarFeedToken { get; init; } = "";
}
