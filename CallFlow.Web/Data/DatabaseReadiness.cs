namespace CallFlow.Web.Data;

/// <summary>Set once the database is migrated and seeded; /health answers 200 only after that.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
