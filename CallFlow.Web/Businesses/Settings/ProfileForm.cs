using System.ComponentModel.DataAnnotations;

namespace CallFlow.Web.Businesses.Settings;

/// <summary>The business profile as the owner edits it: who answers, where, and the numbers.</summary>
public sealed class ProfileForm
{
    public const int MaxGreeting = 400;

    [Required(ErrorMessage = "Enter the business's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string? Name { get; set; }

    [StringLength(300, ErrorMessage = "Keep the address under 300 characters.")]
    public string? Address { get; set; }

    [Required(ErrorMessage = "Write what the assistant says when it answers.")]
    [StringLength(MaxGreeting, ErrorMessage = "Keep the greeting under 400 characters: callers hear all of it before they can speak.")]
    public string? Greeting { get; set; }

    [Required(ErrorMessage = "Enter the number callers dial, such as +12125550100.")]
    [StringLength(32, ErrorMessage = "A phone number has at most 15 digits.")]
    public string? PhoneNumber { get; set; }

    [StringLength(32, ErrorMessage = "A phone number has at most 15 digits.")]
    public string? TransferNumber { get; set; }

    [Required(ErrorMessage = "Choose the business's time zone.")]
    [StringLength(64, ErrorMessage = "Choose a time zone from the list, such as America/New_York.")]
    public string? TimeZoneId { get; set; }

    public static ProfileForm From(Business business) => new()
    {
        Name = business.Name,
        Address = business.Address,
        Greeting = business.Greeting,
        PhoneNumber = business.PhoneNumber,
        TransferNumber = business.TransferNumber,
        TimeZoneId = business.TimeZoneId,
    };
}
