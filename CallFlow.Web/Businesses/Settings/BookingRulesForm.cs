using System.ComponentModel.DataAnnotations;
using CallFlow.Domain.Calendar;

namespace CallFlow.Web.Businesses.Settings;

/// <summary>Capacity, staff or rooms, and the limits on when callers can book.</summary>
public sealed class BookingRulesForm
{
    public const int MaxResources = 50;

    [Range(1, 100, ErrorMessage = "Capacity is how many appointments can run at once: 1 to 100.")]
    public int Capacity { get; set; } = 1;

    [Range(5, 240, ErrorMessage = "Slots start every 5 to 240 minutes.")]
    public int SlotMinutes { get; set; } = 15;

    [Range(0, 43200, ErrorMessage = "The notice is 0 minutes to 30 days (43200 minutes).")]
    public int MinimumNoticeMinutes { get; set; }

    [Range(1, CalendarRules.MaxHorizonDays, ErrorMessage = "Callers can book 1 to 730 days ahead.")]
    public int HorizonDays { get; set; } = 60;

    [Range(1, 1000, ErrorMessage = "The daily limit is 1 to 1000 appointments; leave it empty for no limit.")]
    public int? DailyLimit { get; set; }

    public List<ResourceForm> Resources { get; set; } = [];

    public static BookingRulesForm From(Business business) => new()
    {
        Capacity = business.Capacity,
        SlotMinutes = business.SlotMinutes,
        MinimumNoticeMinutes = business.MinimumNoticeMinutes,
        HorizonDays = business.HorizonDays,
        DailyLimit = business.DailyLimit,
        Resources = [.. business.Resources.Select(ResourceForm.From)],
    };
}

/// <summary>A staff member or room with its own capacity and the services it offers (none ticked: all of them).</summary>
public sealed class ResourceForm
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString("N");

    [Required(ErrorMessage = "Name the staff member or room.")]
    [StringLength(60, ErrorMessage = "Keep the name under 60 characters.")]
    public string? Name { get; set; }

    [Range(1, 50, ErrorMessage = "1 to 50 appointments at once.")]
    public int Capacity { get; set; } = 1;

    public IReadOnlyCollection<string> ServiceIds { get; set; } = [];

    public static ResourceForm From(CalendarResource resource) => new()
    {
        Id = resource.Id,
        Name = resource.Name,
        Capacity = resource.Capacity,
        ServiceIds = [.. resource.ServiceIds ?? []],
    };
}
