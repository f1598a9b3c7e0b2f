using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Businesses;

/// <summary>A business whose phone CallFlow answers: its profile, voice, calendar rules and services.</summary>
public sealed class Business
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The number callers dial (E.164); incoming webhooks find the business by it.</summary>
    public required string PhoneNumber { get; set; }

    /// <summary>IANA time zone (America/New_York): every date and time a caller says is read in it.</summary>
    public required string TimeZoneId { get; set; }

    public string Greeting { get; set; } = "";

    public string Voice { get; set; } = "Polly.Joanna";

    public string FallbackVoice { get; set; } = "alice";

    public string Language { get; set; } = "en-US";

    /// <summary>The front desk's number, dialed when a caller asks for a person.</summary>
    public string? TransferNumber { get; set; }

    public string? Address { get; set; }

    /// <summary>Where the owner is texted when recovery needs a person (callbacks that ran out, messages); the transfer number when unset.</summary>
    public string? NotificationNumber { get; set; }

    /// <summary>How failures on this business's calls are handled (edited by owners on the settings page).</summary>
    public RecoveryPolicy Recovery { get; set; } = new();

    /// <summary>Secret that lets a calendar app subscribe to the business's iCalendar feed.</summary>
    public string CalendarFeedToken { get; set; } = "";

    public List<OpeningInterval> OpeningHours { get; set; } = [];

    /// <summary>Closed days and special hours for single dates; they replace that day's weekly hours.</summary>
    public List<DateOverride> DateOverrides { get; set; } = [];

    /// <summary>Staff members or rooms with their own capacity; empty means business-wide capacity only.</summary>
    public List<CalendarResource> Resources { get; set; } = [];

    /// <summary>Answers to common questions by topic (hours, address, prices, parking, ...).</summary>
    public Dictionary<string, string> Faq { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many appointments may overlap (chairs, rooms).</summary>
    public int Capacity { get; set; } = 1;

    public int SlotMinutes { get; set; } = 15;

    public int MinimumNoticeMinutes { get; set; } = 60;

    public int HorizonDays { get; set; } = 60;

    public int? DailyLimit { get; set; }

    public List<Service> Services { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Bumped by every settings save: a save made against an older version is refused, so two owners editing at
    /// once never overwrite each other silently.
    /// </summary>
    public int Version { get; set; }

    /// <summary>
    /// Bumped by the database itself (triggers, see <see cref="RevisionTriggers"/>) whenever this row or one of its
    /// services changes, however it changes; never written by the app. <see cref="BusinessCache"/> compares it.
    /// </summary>
    public long Revision { get; private set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The staff member who last saved settings.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>The business as the Domain sees it.</summary>
    public BusinessProfile ToProfile() => new()
    {
        Id = Id,
        Name = Name,
        TimeZoneId = TimeZoneId,
        Greeting = Greeting,
        Address = Address,
        TransferNumber = TransferNumber,
        Services = [.. Services.Where(s => s.IsActive).OrderBy(s => s.SortOrder).Select(s => s.ToOffering())],
        OpeningHours = [.. OpeningHours],
        Faq = new Dictionary<string, string>(Faq, StringComparer.OrdinalIgnoreCase),
        Voice = new VoiceSettings(Voice, FallbackVoice, Language),
        Recovery = Recovery,
    };

    /// <summary>An active service of the business, as it is booked today; null for another business's or a deactivated one.</summary>
    public ServiceOffering? ActiveOffering(string serviceId) => Services.FirstOrDefault(s => s.Id == serviceId && s.IsActive)?.ToOffering();

    /// <summary>The number the owner is texted at: <see cref="NotificationNumber"/>, else the transfer number.</summary>
    public string? OwnerNumber => string.IsNullOrWhiteSpace(NotificationNumber) ? TransferNumber : NotificationNumber;

    /// <summary>The calendar rules as the Domain reads them; check them with <see cref="CalendarRules.Validate"/>.</summary>
    public CalendarRules ToCalendarRules() => new()
    {
        TimeZoneId = TimeZoneId,
        WeeklyHours = [.. OpeningHours],
        DateOverrides = [.. DateOverrides],
        Capacity = Capacity,
        Resources = [.. Resources],
        SlotMinutes = SlotMinutes,
        MinimumNoticeMinutes = MinimumNoticeMinutes,
        HorizonDays = HorizonDays,
        DailyLimit = DailyLimit,
    };

    /// <summary>Takes edited rules (validated by the caller) back onto the business, as the settings page saves them.</summary>
    public void ApplyCalendarRules(CalendarRules rules)
    {
        TimeZoneId = rules.TimeZoneId;
        OpeningHours = [.. rules.WeeklyHours];
        DateOverrides = [.. rules.DateOverrides];
        Capacity = rules.Capacity;
        Resources = [.. rules.Resources];
        SlotMinutes = rules.SlotMinutes;
        MinimumNoticeMinutes = rules.MinimumNoticeMinutes;
        HorizonDays = rules.HorizonDays;
        DailyLimit = rules.DailyLimit;
    }

    internal sealed class Configuration : IEntityTypeConfiguration<Business>
    {
        public void Configure(EntityTypeBuilder<Business> builder)
        {
            builder.Property(b => b.Id).HasMaxLength(64);
            builder.Property(b => b.Name).HasMaxLength(200);
            builder.Property(b => b.PhoneNumber).HasMaxLength(32);
            builder.HasIndex(b => b.PhoneNumber).IsUnique();
            builder.Property(b => b.TimeZoneId).HasMaxLength(64);
            builder.Property(b => b.Version).IsConcurrencyToken();
            var revision = builder.Property(b => b.Revision).HasDefaultValue(0L).ValueGeneratedNever().Metadata;
            revision.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            revision.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            builder.ToTable(table => table.HasTrigger(RevisionTriggers.OnBusinessUpdate));
            builder.Property(b => b.UpdatedBy).HasMaxLength(200);
            builder.Property(b => b.OpeningHours).HasJsonConversion();
            builder.Property(b => b.Faq).HasJsonConversion();
            builder.Property(b => b.DateOverrides).HasJsonConversion();
            builder.Property(b => b.Resources).HasJsonConversion();
            builder.Property(b => b.Recovery).HasJsonConversion();
            builder.Property(b => b.NotificationNumber).HasMaxLength(32);
            builder.HasMany(b => b.Services).WithOne().HasForeignKey(s => s.BusinessId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
