using CallFlow.Web.Businesses;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Bench;

/// <summary>
/// The salons the calls go to: the demo salon, and copies of it (same hours, services, capacity of two and published
/// flow) under their own ids and numbers, so a run can stand for many businesses on one CallFlow.
/// </summary>
public static class BenchBusinesses
{
    public const string NumberPrefix = "+1500555";

    /// <summary>The numbers the calls dial: the demo salon's first, then one per copy.</summary>
    public static IReadOnlyList<string> Numbers(int count) =>
        [DemoBusiness.DefaultPhoneNumber, .. Enumerable.Range(1, Math.Max(0, count - 1)).Select(i => $"{NumberPrefix}{7000 + i:D4}")];

    /// <summary>Adds the copies the run needs to a database the app has seeded with the demo salon.</summary>
    public static async Task SeedAsync(IDbContextFactory<CallFlowDb> databases, int count, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var (number, index) in Numbers(count).Select((n, i) => (n, i)).Skip(1))
        {
            var id = $"bench-salon-{index}";
            if (await db.Businesses.AnyAsync(b => b.Id == id, cancellationToken))
            {
                continue;
            }

            var business = DemoBusiness.Create(new DemoOptions { PhoneNumber = number, CalendarFeedToken = Guid.NewGuid().ToString("N") }, now);
            business.Id = id;
            business.Name = $"Bench Salon {index}";
            business.Greeting = business.Greeting.Replace("Demo Salon", business.Name, StringComparison.Ordinal);
            foreach (var service in business.Services)
            {
                service.Id = $"{id}-{service.Name.ToLowerInvariant()}";
                service.BusinessId = id;
            }

            db.Businesses.Add(business);
            db.FlowVersions.Add(FlowVersion.Initial(business, now, "bench"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
