namespace CallFlow.Web.Businesses.Settings;

public sealed partial class BusinessSettingsService
{
    /// <summary>Saves the FAQ answers: every topic once (whatever its case), every answer written.</summary>
    public Task<SettingsResult> SaveFaqAsync(string businessId, int version, FaqForm form, CancellationToken cancellationToken = default) =>
        UpdateAsync(businessId, version, business =>
        {
            var problems = FormChecks.Annotations(form.Entries);
            if (form.Entries.Count > FaqForm.MaxEntries)
            {
                problems.Add(SettingsProblem.General(form, $"At most {FaqForm.MaxEntries} answers."));
            }

            foreach (var repeated in form.Entries.Where(e => FormChecks.Clean(e.Topic) is not null).GroupBy(e => e.Topic!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.AddRange(repeated.Skip(1).Select(e => SettingsProblem.For(e, nameof(e.Topic), $"There is already an answer about {repeated.Key}.")));
            }

            if (problems.Count == 0)
            {
                business.Faq = form.Entries.ToDictionary(e => e.Topic!.Trim(), e => e.Answer!.Trim(), StringComparer.OrdinalIgnoreCase);
            }

            return problems;
        }, cancellationToken: cancellationToken);
}
