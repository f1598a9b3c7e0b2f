namespace CallFlow.Web.Businesses;

/// <summary>
/// The names of the database triggers that keep <see cref="Business.Revision"/> (created by the AddBusinessRevision
/// migration): any update of a business row that leaves the revision alone, and any service added, changed or removed,
/// bumps its business's revision. They live in the database rather than in the app so that nothing (a settings save, a
/// data migration, an UPDATE run by hand) changes a business unseen by <see cref="BusinessCache"/>. EF Core is told of
/// them so it reads nothing back through RETURNING, which runs before AFTER triggers. Another provider needs the same
/// triggers in its own dialect.
/// </summary>
public static class RevisionTriggers
{
    public const string OnBusinessUpdate = "Businesses_Revision";
    public const string OnServiceInsert = "Services_Revision_Insert";
    public const string OnServiceUpdate = "Services_Revision_Update";
    public const string OnServiceDelete = "Services_Revision_Delete";
}
