namespace CallFlow.Web.Businesses;

/// <summary>The demo business seeded into an empty database (section <c>Demo</c>), and its two staff accounts.</summary>
public sealed record DemoOptions
{
    public const string Section = "Demo";

    public bool SeedOnEmptyDatabase { get; init; } = true;

    public string PhoneNumber { get; init; } = DemoBusiness.DefaultPhoneNumber;

    public string CalendarFeedToken { get; init; } = "";

    /// <summary>The demo salon's owner (<c>Demo:Owner:Email</c>, <c>Demo:Owner:Password</c>, <c>Demo:Owner:Name</c>).</summary>
    public DemoUser Owner { get; init; } = new();

    /// <summary>The demo salon's front desk (<c>Demo:FrontDesk:...</c>).</summary>
    public DemoUser FrontDesk { get; init; } = new();
}

/// <summary>A demo sign-in, for local use only: the password sits in appsettings.json and the README.</summary>
public sealed record DemoUser
{
    public string Email { get; init; } = "";

    public string Password { get; init; } = "";

    public string Name { get; init; } = "";
}
