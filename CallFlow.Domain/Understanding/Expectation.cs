namespace CallFlow.Domain.Understanding;

/// <summary>The kind of answer a step is waiting for, so that "3", "yes" or "Dana" are read the way the step means.</summary>
public enum ExpectedInput
{
    /// <summary>No particular step: an open question such as "how can I help?".</summary>
    Any,
    /// <summary>Free text; the whole utterance is the answer (<see cref="Interpretation.Text"/>).</summary>
    Text,
    /// <summary>A count: "three" is 3, not 3 o'clock.</summary>
    Number,
    /// <summary>A day: a bare "5" is the 5th.</summary>
    Date,
    /// <summary>A time: a bare "3" is 3 o'clock, read inside opening hours.</summary>
    Time,
    /// <summary>One of <see cref="Expectation.Options"/>, by name or by number (spoken or keyed).</summary>
    Selection,
    /// <summary>A yes/no question or a read-back; keypad 1 is yes and 2 is no.</summary>
    YesNo,
    /// <summary>A phone number; short digit strings are reported (as invalid) rather than ignored.</summary>
    Phone,
    /// <summary>A person's name; a bare "Dana Smith" is taken as one.</summary>
    Name,
}

/// <summary>What the current step expects: the kind of input, the flow field it fills, and the options for a selection.</summary>
public sealed record Expectation
{
    public static readonly Expectation Any = new(ExpectedInput.Any);

    public Expectation(ExpectedInput input, string? field = null, IReadOnlyList<string>? options = null)
    {
        Input = input;
        Field = field;
        Options = options ?? [];
    }

    public ExpectedInput Input { get; init; }

    /// <summary>The flow field the answer fills (service, date, time, customerName, customerPhone, ...).</summary>
    public string? Field { get; init; }

    /// <summary>The choices in the order they are read out; option 1 is the first.</summary>
    public IReadOnlyList<string> Options { get; init; }

    public static Expectation YesNo(string? field = null) => new(ExpectedInput.YesNo, field);

    public static Expectation Selection(string field, IReadOnlyList<string> options) => new(ExpectedInput.Selection, field, options);
}
