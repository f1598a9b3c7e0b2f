using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Identity;
using CallFlow.Web.Metrics;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallFlow.Web.Data;

/// <summary>
/// The one database: businesses, calls and their audit trail, and the staff who sign in. Each entity configures
/// itself next to its class. Identity's user tables come without its global role tables: a role belongs to a
/// business membership (<see cref="BusinessMembership"/>), not to the user. The keys that seal the staff's cookies are
/// kept here too (<see cref="DataProtectionKeys"/>), so every instance on this database reads them.
/// </summary>
public class CallFlowDb(DbContextOptions<CallFlowDb> options) : IdentityUserContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<Business> Businesses => Set<Business>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<CallTransition> CallTransitions => Set<CallTransition>();

    public DbSet<ConversationTurn> ConversationTurns => Set<ConversationTurn>();

    public DbSet<BusinessMembership> Memberships => Set<BusinessMembership>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<CallNote> CallNotes => Set<CallNote>();

    public DbSet<CallbackRequest> CallbackRequests => Set<CallbackRequest>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<CalendarClaim> CalendarClaims => Set<CalendarClaim>();

    public DbSet<HeldSlot> SlotHolds => Set<HeldSlot>();

    public DbSet<CalendarRevision> CalendarRevisions => Set<CalendarRevision>();

    public DbSet<FlowVersion> FlowVersions => Set<FlowVersion>();

    public DbSet<CallStepEvent> StepEvents => Set<CallStepEvent>();

    public DbSet<CallFollowUp> FollowUps => Set<CallFollowUp>();

    public DbSet<OutgoingText> OutgoingTexts => Set<OutgoingText>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CallFlowDb).Assembly);
        if (Database.IsSqlite())
        {
            modelBuilder.AddStoredTicks();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the audit trail reads in SQL as it does on screen.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();

        if (Database.IsSqlite())
        {
            // SQLite has no native instant type and EF cannot compare or order DateTimeOffset text there;
            // UTC ticks can be compared, ordered and summed. PostgreSQL keeps timestamptz.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
