using CallFlow.Domain.Calendar;
using CallFlow.Domain.Recovery;

namespace CallFlow.Domain.Businesses;

/// <summary>A business as the Domain sees it: who answers, what can be booked, and what callers ask about.</summary>
public sealed record BusinessProfile
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>IANA time zone id; dates and times callers say are read in it.</summary>
    public required string TimeZoneId { get; init; }

    public string Greeting { get; init; } = "";

    public string? Address { get; init; }

    /// <summary>The front desk's number for transfers; none means nobody can take a transfer.</summary>
    public string? TransferNumber { get; init; }

    public IReadOnlyList<ServiceOffering> Services { get; init; } = [];

    public IReadOnlyList<OpeningInterval> OpeningHours { get; init; } = [];

    /// <summary>Answers to common questions, keyed by topic (hours, address, prices, parking, ...).</summary>
    public IReadOnlyDictionary<string, string> Faq { get; init; } = new Dictionary<string, string>();

    public VoiceSettings Voice { get; init; } = new();

    /// <summary>How failures on this business's calls are handled.</summary>
    public RecoveryPolicy Recovery { get; init; } = new();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

/// <summary>A bookable service with the words callers use for it.</summary>
public sealed record ServiceOffering(
    string Id,
    string Name,
    IReadOnlyList<string> Synonyms,
    int DurationMinutes,
    int BufferBeforeMinutes = 0,
    int BufferAfterMinutes = 0,
    decimal Price = 0m);

/// <summary>How the assistant sounds.</summary>
public sealed record VoiceSettings(string Voice = "Polly.Joanna", string FallbackVoice = "alice", string Language = "en-US");
