namespace CallFlow.Domain.Understanding;

/// <summary>
/// One turn of caller input as the carrier delivered it: recognised speech and/or keypad digits.
/// Both may be missing (the caller stayed silent).
/// </summary>
/// <param name="Text">The carrier's transcription, as recognised (casing and punctuation are kept for names).</param>
/// <param name="Digits">DTMF keys pressed, e.g. "1" or "2125550147".</param>
/// <param name="Confidence">The carrier's speech confidence (0..1); null when it gave none.</param>
public sealed record Utterance(string? Text, string? Digits = null, double? Confidence = null)
{
    /// <summary>Neither speech nor digits: a no-input turn.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Digits);

    public static Utterance Speech(string text, double? confidence = null) => new(text, null, confidence);

    public static Utterance Keys(string digits) => new(null, digits);
}
