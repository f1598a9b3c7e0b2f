namespace CallFlow.Web.Businesses.Settings;

/// <summary>
/// Voices and languages to suggest. Twilio has many more (any Polly or Google voice name works), so the fields also
/// take free text; the basic voices (alice, man, woman) make good fallbacks because they never need a provider.
/// </summary>
public static class VoiceCatalog
{
    public static IReadOnlyList<string> Voices { get; } =
    [
        "Polly.Joanna", "Polly.Joanna-Neural", "Polly.Matthew", "Polly.Matthew-Neural", "Polly.Salli", "Polly.Kendra",
        "Polly.Joey", "Polly.Amy", "Polly.Brian", "Polly.Emma", "Polly.Lupe", "Polly.Miguel",
        "Google.en-US-Neural2-F", "Google.en-US-Neural2-J", "Google.en-GB-Neural2-A", "Google.es-US-Neural2-A",
        "alice", "man", "woman",
    ];

    public static IReadOnlyList<string> Languages { get; } =
    [
        "en-US", "en-GB", "en-AU", "en-CA", "en-IN", "es-US", "es-ES", "es-MX", "fr-FR", "fr-CA", "de-DE", "it-IT", "pt-BR", "pt-PT", "nl-NL",
    ];
}
