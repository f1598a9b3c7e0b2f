using System.Text.RegularExpressions;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Recovery;

/// <summary>A business's recovery settings as owners edit them: the policy and the number the owner is texted at.</summary>
public sealed record RecoverySettings(RecoveryPolicy Policy, string? NotificationNumber)
{
    public const string NotificationNumberSetting = nameof(NotificationNumber);

    /// <summary>Everything out of range, by setting; empty when the settings can be saved.</summary>
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>(Policy.Validate());
        if (!string.IsNullOrWhiteSpace(NotificationNumber) && !RecoveryPolicies.E164().IsMatch(NotificationNumber.Trim()))
        {
            problems.Add(new PolicyProblem(NotificationNumberSetting, "Give the number in international format, like +12125550100, or leave it empty to use the transfer number."));
        }

        return problems;
    }
}

/// <summary>What saving recovery settings came to: saved, refused (not an owner of the business), or invalid with the problems.</summary>
public sealed record RecoverySaveResult(bool Saved, IReadOnlyList<PolicyProblem> Problems, string Message)
{
    public static RecoverySaveResult Refused { get; } = new(false, [], "Only an owner of this business can change its recovery policy.");
}

/// <summary>Reads and saves a business's recovery policy for the settings page; every save checks the viewer owns the business.</summary>
public sealed partial class RecoveryPolicies(IDbContextFactory<CallFlowDb> dbFactory, BusinessScope scope)
{
    public async Task<RecoverySettings?> LoadAsync(string businessId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Businesses.AsNoTracking().Where(b => b.Id == businessId)
            .Select(b => new RecoverySettings(b.Recovery, b.NotificationNumber))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<RecoverySaveResult> SaveAsync(string businessId, RecoverySettings settings, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return RecoverySaveResult.Refused;
        }

        if (settings.Validate() is { Count: > 0 } problems)
        {
            return new RecoverySaveResult(false, problems, "Nothing was saved: check the highlighted settings.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null)
        {
            return RecoverySaveResult.Refused;
        }

        business.Recovery = settings.Policy;
        business.NotificationNumber = string.IsNullOrWhiteSpace(settings.NotificationNumber) ? null : settings.NotificationNumber.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return new RecoverySaveResult(true, [], "Recovery policy saved.");
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    internal static partial Regex E164();
}
