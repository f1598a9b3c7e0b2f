namespace CallFlow.Web.Calls;

public enum ActorKind
{
    Carrier,
    Caller,
    Staff,
    Job,
    System,
}

/// <summary>Who caused a change to a call, as the audit trail names them.</summary>
public sealed record Actor(ActorKind Kind, string Name)
{
    public static readonly Actor Carrier = new(ActorKind.Carrier, "twilio");
    public static readonly Actor System = new(ActorKind.System, "callflow");

    public static Actor Caller(string number) => new(ActorKind.Caller, number);

    public static Actor Staff(string userName) => new(ActorKind.Staff, userName);

    public static Actor Job(string jobName) => new(ActorKind.Job, jobName);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Name}";
}
