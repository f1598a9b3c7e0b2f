using CallFlow.Web.Calendar;
using Microsoft.AspNetCore.Components;

namespace CallFlow.Web.Businesses.Settings;

public sealed partial class BusinessSettingsService
{
    /// <summary>
    /// Gives the calendar feed a new secret: the old subscription URL stops working at once and calendar apps must
    /// subscribe to the new one.
    /// </summary>
    public Task<SettingsResult> RotateFeedTokenAsync(string businessId, int version, CancellationToken cancellationToken = default) =>
        UpdateAsync(businessId, version, business =>
        {
            business.CalendarFeedToken = CalendarFeed.NewToken();
            return [];
        }, cancellationToken: cancellationToken);

    /// <summary>
    /// The feed's subscription URL: from <c>Twilio:PublicBaseUrl</c> when set (what the outside world reaches), else
    /// from the address the console was opened at (<see cref="NavigationManager.BaseUri"/>).
    /// </summary>
    public string FeedUrl(Business business, string consoleBaseUri)
    {
        var root = twilio.Value.PublicBase?.ToString() ?? consoleBaseUri;
        return root.TrimEnd('/') + CalendarFeed.PathFor(business.Id, business.CalendarFeedToken);
    }

    /// <summary>
    /// Why a local time is or is not offered for a service of a business the viewer manages, with the nearest free
    /// times. Null advice with a message when it cannot say (unknown service, calendar unavailable).
    /// </summary>
    public async Task<(SlotAdvice? Advice, string? Problem)> ExplainAsync(
        string businessId, string serviceId, DateOnly date, TimeOnly time, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return (null, "You do not manage this business.");
        }

        try
        {
            var advice = await desk.ExplainAsync(businessId, serviceId, date, time, alternatives: 4, cancellationToken);
            return advice is null ? (null, "This service is not offered any more; choose another.") : (advice, null);
        }
        catch (CalendarUnavailableException e)
        {
            logger.LogWarning(e, "Explainer of {BusinessId} could not read the calendar", businessId);
            return (null, "The calendar cannot be read right now, so this time cannot be explained. Try again in a moment.");
        }
    }
}
