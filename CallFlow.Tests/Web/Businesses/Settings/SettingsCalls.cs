using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Businesses.Settings;

/// <summary>The settings service of a running app as one signed-in staff member's console circuit uses it.</summary>
public static class SettingsCalls
{
    public static async Task<T> AsAsync<T>(this CallFlowApp app, StaffAccount account, Func<BusinessSettingsService, Task<T>> act)
    {
        await using var scope = await app.SignedInScopeAsync(account);
        return await act(scope.ServiceProvider.GetRequiredService<BusinessSettingsService>());
    }

    /// <summary>The business as stored, with its services, read outside any circuit.</summary>
    public static async Task<Business> StoredAsync(this CallFlowApp app, string businessId = DemoBusiness.Id)
    {
        await using var db = app.Db();
        return await db.Businesses.AsNoTracking().Include(b => b.Services).SingleAsync(b => b.Id == businessId, TestContext.Current.CancellationToken);
    }

    /// <summary>The messages of problems on one property of any form object.</summary>
    public static IEnumerable<string> On(this SettingsResult result, string field) =>
        result.Problems.Where(p => p.Field.FieldName == field).Select(p => p.Message);
}
