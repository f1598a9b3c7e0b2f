using CallFlow.Web.Businesses.Settings;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Saves a business's recovery policy for its settings section, through the settings service: ownership checked on
/// every save, the business's version guarding against overwriting someone else's newer settings, and problems shown
/// beside their inputs.
/// </summary>
public sealed class RecoveryPolicies(BusinessSettingsService settings)
{
    public Task<SettingsResult> SaveAsync(string businessId, int version, RecoveryPolicyForm form, CancellationToken cancellationToken = default) =>
        settings.UpdateAsync(businessId, version, business =>
        {
            var problems = form.Problems();
            if (problems.Count == 0)
            {
                business.Recovery = form.ToPolicy();
                business.NotificationNumber = form.OwnerNumber();
            }

            return problems;
        }, cancellationToken: cancellationToken);
}
