using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Businesses.Settings;

public sealed partial class BusinessSettingsService
{
    /// <summary>
    /// Saves name, address, greeting, numbers and time zone. The answering number must be a valid E.164 number no
    /// other business answers; the transfer number is optional (none means no transfers).
    /// </summary>
    public Task<SettingsResult> SaveProfileAsync(string businessId, int version, ProfileForm form, CancellationToken cancellationToken = default)
    {
        var duplicate = SettingsProblem.For(form, nameof(ProfileForm.PhoneNumber), "Another business already answers this number.");
        return UpdateAsync(businessId, version, async (business, db) =>
        {
            var problems = FormChecks.Annotations(form);
            var phone = FormChecks.E164(form.PhoneNumber);
            var transfer = FormChecks.Clean(form.TransferNumber) is { } typed ? FormChecks.E164(typed) : null;
            if (phone is null && !string.IsNullOrWhiteSpace(form.PhoneNumber))
            {
                problems.Add(SettingsProblem.For(form, nameof(form.PhoneNumber), "Enter the number in international format: + and the country code, such as +12125550100."));
            }
            else if (phone is not null && await db.Businesses.AnyAsync(b => b.PhoneNumber == phone && b.Id != business.Id, cancellationToken))
            {
                problems.Add(duplicate);
            }

            if (transfer is null && FormChecks.Clean(form.TransferNumber) is not null)
            {
                problems.Add(SettingsProblem.For(form, nameof(form.TransferNumber), "Enter the front desk's number with + and the country code, or leave it empty for no transfers."));
            }
            else if (transfer is not null && transfer == phone)
            {
                problems.Add(SettingsProblem.For(form, nameof(form.TransferNumber), "Transfers must ring another number than the one the assistant answers."));
            }

            if (!TimeZones.IsKnown(form.TimeZoneId?.Trim()) && !string.IsNullOrWhiteSpace(form.TimeZoneId))
            {
                problems.Add(SettingsProblem.For(form, nameof(form.TimeZoneId), $"'{form.TimeZoneId}' is not a time zone: choose one from the list, such as America/New_York."));
            }

            if (problems.Count == 0)
            {
                business.Name = form.Name!.Trim();
                business.Address = FormChecks.Clean(form.Address);
                business.Greeting = form.Greeting!.Trim();
                business.PhoneNumber = phone!;
                business.TransferNumber = transfer;
                business.TimeZoneId = form.TimeZoneId!.Trim();
            }

            return problems;
        }, duplicate, cancellationToken);
    }

    /// <summary>Saves the voice, language and fallback voice the carrier speaks with.</summary>
    public Task<SettingsResult> SaveVoiceAsync(string businessId, int version, VoiceForm form, CancellationToken cancellationToken = default) =>
        UpdateAsync(businessId, version, business =>
        {
            var problems = FormChecks.Annotations(form);
            if (problems.Count == 0)
            {
                business.Voice = form.Voice!.Trim();
                business.Language = form.Language!.Trim();
                business.FallbackVoice = form.FallbackVoice!.Trim();
            }

            return problems;
        }, cancellationToken: cancellationToken);
}
