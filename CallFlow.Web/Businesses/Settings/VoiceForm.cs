using System.ComponentModel.DataAnnotations;

namespace CallFlow.Web.Businesses.Settings;

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
