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

/// <summary>How the assistant sounds: Twilio voice names and a language tag.</summary>
public sealed class VoiceForm
{
    private const string VoicePattern = @"^[A-Za-z][A-Za-z0-9._-]*$";

    [Required(ErrorMessage = "Choose a voice, such as Polly.Joanna.")]
    [StringLength(64, ErrorMessage = "Voice names are shorter than 64 characters.")]
    [RegularExpression(VoicePattern, ErrorMessage = "A voice name is letters, digits, dots and dashes, such as Polly.Joanna or Google.en-US-Neural2-F.")]
    public string? Voice { get; set; }

    [Required(ErrorMessage = "Choose a language, such as en-US.")]
    [RegularExpression(@"^[a-z]{2,3}-[A-Z]{2}$", ErrorMessage = "Use a language tag such as en-US or es-US.")]
    public string? Language { get; set; }

    [Required(ErrorMessage = "Choose a fallback voice, such as alice.")]
    [StringLength(64, ErrorMessage = "Voice names are shorter than 64 characters.")]
    [RegularExpression(VoicePattern, ErrorMessage = "A voice name is letters, digits, dots and dashes, such as alice.")]
    public string? FallbackVoice { get; set; }

    public static VoiceForm From(Business business) => new()
    {
        Voice = business.Voice,
        Language = business.Language,
        FallbackVoice = business.FallbackVoice,
    };
}
