using System.Text.Json.Serialization;
using CallFlow.Domain.Calls;

namespace CallFlow.Domain.Flows;

/// <summary>
/// A conversation flow as the business owner edits it and as it is stored (JSON, see <see cref="FlowJson"/>): the
/// steps that collect what a booking needs, the fields that must be collected, validation rules and the flow's
/// business rules. Check it with <see cref="FlowValidator"/> before use; the engine only runs a
/// <see cref="CompiledFlow"/>, which a broken flow cannot become.
/// </summary>
public sealed record FlowDefinition
{
    /// <summary>What the flow is for (<see cref="FlowTypes.Booking"/>).</summary>
    public string Type { get; init; } = FlowTypes.Booking;

    public string Name { get; init; } = "";

    /// <summary>The steps in the order the owner wrote them; among steps whose dependencies are met, the first is asked first.</summary>
    public IReadOnlyList<FlowStep> Steps { get; init; } = [];

    /// <summary>Fields that must be collected before the read-back (service, date, time, customerName, customerPhone).</summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    /// <summary>Checks on a field's value wherever it is collected (a phone number's shape, a name's characters).</summary>
    public IReadOnlyList<FieldRule> ValidationRules { get; init; } = [];

    public FlowRules Rules { get; init; } = new();
}

/// <summary>The kinds of flow a business can have.</summary>
public static class FlowTypes
{
    public const string Booking = "booking";
}

/// <summary>One question of a flow.</summary>
public sealed record FlowStep
{
    /// <summary>The number of failed attempts (no input, no match, invalid value) after which the flow's fallback runs.</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>Stable id, referenced by <see cref="DependsOn"/>, the call's current step and the step metrics.</summary>
    public required string Id { get; init; }

    public string Name { get; init; } = "";

    public StepType Type { get; init; } = StepType.InformationCollection;

    /// <summary>What the assistant asks.</summary>
    public string Prompt { get; init; } = "";

    /// <summary>How to ask again after a first failed attempt; a rephrasing is derived from the fields when empty.</summary>
    public string? Reprompt { get; init; }

    public StepInput Input { get; init; } = StepInput.Text;

    /// <summary>The choices of a selection step, in the order they are read out (option 1 first).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public StepValidation? Validation { get; init; }

    /// <summary>An optional step may be skipped by the caller ("no", "skip"); a required field cannot depend on one.</summary>
    public bool Required { get; init; } = true;

    /// <summary>Steps that must be complete before this one is asked.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The fields this step fills; a contact step fills customerName and customerPhone. A confirmation step fills none.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public int MaxRetries { get; init; } = DefaultMaxRetries;
}

/// <summary>What a step is for, which tells the engine how to treat its answers.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<StepType>))]
public enum StepType
{
    /// <summary>Asks for one or more details (a date, a name and phone number).</summary>
    InformationCollection,

    /// <summary>Picks one of the business's services.</summary>
    ServiceSelection,

    /// <summary>Picks the time of the appointment; availability is checked once service, date and time are known.</summary>
    TimeSelection,

    /// <summary>The read-back question ("Shall I book it?"); it collects nothing.</summary>
    Confirmation,
}

/// <summary>The kind of answer a step expects.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<StepInput>))]
public enum StepInput
{
    Text,
    Number,
    Date,
    Time,
    Selection,
}

/// <summary>
/// A regular expression the value must match, and what the caller is told when it does not. <see cref="Field"/>
/// names which of the step's fields it checks (the step's first field when empty).
/// </summary>
public sealed record StepValidation(string Pattern, string Message, string? Field = null);

/// <summary>A check on one field wherever it is collected.</summary>
public sealed record FieldRule(string Field, string Pattern, string Message);

/// <summary>How the flow behaves beyond its steps: fallbacks, alternatives and how sure a reading must be.</summary>
public sealed record FlowRules
{
    /// <summary>Hand a caller who cannot be helped to staff when the business is open and has a transfer number.</summary>
    public bool TransferToStaff { get; init; } = true;

    /// <summary>What happens when nobody can take a transfer: a callback promise or a message (<see cref="Fallback.TransferToStaff"/> is not allowed).</summary>
    public Fallback WhenNobodyCanTakeTheCall { get; init; } = Fallback.Callback;

    /// <summary>How many alternative slots to offer when the time asked for is not free (1–5).</summary>
    public int AlternativesToOffer { get; init; } = 3;

    /// <summary>Readings less certain than this (0–1) count as not understood.</summary>
    public double MinimumConfidence { get; init; } = 0.3;
}

/// <summary>Writes enum values as snake_case strings (information_collection), the stored flow format.</summary>
public sealed class SnakeCaseEnumConverter<T>() : JsonStringEnumConverter<T>(System.Text.Json.JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
