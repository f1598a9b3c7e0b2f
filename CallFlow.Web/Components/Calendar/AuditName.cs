namespace CallFlow.Web.Components.Calendar;

/// <summary>An audited actor ("staff:Sam Lee", "caller:+12125550100") as staff read it: "Sam Lee (staff)", "+12125550100 (phone)".</summary>
public static class AuditName
{
    public static string Of(string? actor)
    {
        if (string.IsNullOrEmpty(actor))
        {
            return "";
        }

        var colon = actor.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return actor;
        }

        var (kind, name) = (actor[..colon], actor[(colon + 1)..]);
        return kind switch
        {
            "caller" => $"{name} (phone)",
            "staff" => $"{name} (staff)",
            _ => $"{name} ({kind})",
        };
    }
}
