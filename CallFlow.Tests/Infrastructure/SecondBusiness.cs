using CallFlow.Web.Businesses;
using CallFlow.Web.Identity;

namespace CallFlow.Tests.Infrastructure;

/// <summary>A business beside the demo salon, with its own staff: what isolation tests need.</summary>
public sealed record SampleBusiness(string Id, string Name, string PhoneNumber, StaffAccount Owner, StaffAccount FrontDesk);

public static class SecondBusiness
{
    public const string Id = "harbor-clinic";
    public const string Name = "Harbor Physio";
    public const string PhoneNumber = "+15005550011";

    /// <summary>Adds Harbor Physio (a copy of the demo's rules) with an owner and a front desk of its own.</summary>
    public static async Task<SampleBusiness> AddSecondBusinessAsync(this CallFlowApp app)
    {
        var business = DemoBusiness.Create(app.DemoSettings() with { PhoneNumber = PhoneNumber }, DateTimeOffset.UtcNow);
        business.Id = Id;
        business.Name = Name;
        business.CalendarFeedToken = "harbor-feed-3b8e1d";
        business.Address = "40 Harbor Street, Chicago, IL 60601";
        business.TimeZoneId = "America/Chicago";
        business.Greeting = $"Thanks for calling {Name}! How can I help you today?";
        business.Faq["address"] = "We're at 40 Harbor Street in Chicago, by the river.";
        foreach (var service in business.Services)
        {
            service.Id = $"{Id}-{service.Name.ToLowerInvariant()}";
            service.BusinessId = Id;
        }

        await using (var db = app.Db())
        {
            db.Businesses.Add(business);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var owner = await app.AddStaffAsync("owner@harbor-physio.test", (Id, StaffRole.Owner));
        var frontDesk = await app.AddStaffAsync("desk@harbor-physio.test", (Id, StaffRole.FrontDesk));
        return new SampleBusiness(Id, Name, PhoneNumber, owner, frontDesk);
    }
}
