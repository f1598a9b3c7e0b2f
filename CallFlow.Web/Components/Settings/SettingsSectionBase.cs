using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CallFlow.Web.Components.Settings;

/// <summary>
/// Base of a settings section: the page's <see cref="SettingsContext"/>, the settings service, and
/// <see cref="SaveAsync"/>, which runs one save and tells the owner how it went (snackbar, inline problems, conflict).
/// </summary>
/// <remarks>
/// A new section (the recovery policy, say) is a component in this folder that inherits this class, wraps its
/// markup in <c>&lt;SettingsSection Anchor="recovery" Title="…" Conflict="Conflict"&gt;</c>, builds its form from
/// <c>Context.Business</c> in <c>OnInitialized</c>, and saves in an <c>EditForm</c> (with <c>DataAnnotationsValidator</c>
/// and <see cref="SettingsValidator"/>) through
/// <c>SaveAsync(version =&gt; Settings.UpdateAsync(Context.BusinessId, version, business =&gt; { …; return problems; }), _validator, "Saved.")</c>,
/// or through a service of its own that calls <see cref="BusinessSettingsService.UpdateAsync(string, int, Func{Business, IReadOnlyList{SettingsProblem}}, SettingsProblem?, CancellationToken)"/>.
/// Then one line in <c>SettingsPage.razor</c> puts it on the page and in its table of contents.
/// </remarks>
public abstract class SettingsSectionBase : ComponentBase
{
    [CascadingParameter]
    protected SettingsContext Context { get; set; } = null!;

    [Inject]
    protected BusinessSettingsService Settings { get; set; } = null!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = null!;

    protected bool Saving { get; private set; }

    /// <summary>The last save lost to someone else's; the section shows the reload offer.</summary>
    protected bool Conflict { get; private set; }

    /// <summary>
    /// Runs <paramref name="save"/> with the page's current version. Saved: a success snackbar, and the saved business
    /// (also shared with the other sections) is returned. Invalid: the problems go beside their inputs through
    /// <paramref name="validator"/> (or into the snackbar without one). Anything else: an error snackbar.
    /// </summary>
    protected async Task<Business?> SaveAsync(Func<int, Task<SettingsResult>> save, SettingsValidator? validator, string success)
    {
        if (Saving)
        {
            return null;
        }

        Saving = true;
        try
        {
            var result = await save(Context.Version);
            Conflict = result.Outcome == SettingsOutcome.Conflict;
            switch (result.Outcome)
            {
                case SettingsOutcome.Saved:
                    validator?.Clear();
                    Context.Saved(result.Business!);
                    Snackbar.Add(success, Severity.Success);
                    return result.Business;
                case SettingsOutcome.Invalid when validator is not null:
                    validator.Show(result.Problems);
                    Snackbar.Add("Nothing was saved: check the highlighted fields.", Severity.Warning);
                    break;
                case SettingsOutcome.Invalid:
                    Snackbar.Add(string.Join(" ", result.Problems.Select(p => p.Message)), Severity.Warning);
                    break;
                case SettingsOutcome.Conflict:
                    Snackbar.Add("Someone else changed these settings; reload to see their changes.", Severity.Error);
                    break;
                case SettingsOutcome.Refused:
                    Snackbar.Add("You cannot change this business's settings.", Severity.Error);
                    break;
                default:
                    Snackbar.Add("The settings could not be saved right now; try again in a moment.", Severity.Error);
                    break;
            }

            return null;
        }
        finally
        {
            Saving = false;
        }
    }
}
