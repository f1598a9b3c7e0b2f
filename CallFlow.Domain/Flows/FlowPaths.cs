namespace CallFlow.Domain.Flows;

/// <summary>
/// Names the part of a flow a <see cref="FlowProblem"/> is about, as a path in the definition (<c>Prompt</c>,
/// <c>Validation.Pattern</c>, <c>Rules.AlternativesToOffer</c>, <c>ValidationRules[0].Pattern</c>). Step paths are
/// relative to the step the problem names.
/// </summary>
public static class FlowPaths
{
    public const string Type = nameof(FlowDefinition.Type);
    public const string Name = nameof(FlowDefinition.Name);
    public const string Steps = nameof(FlowDefinition.Steps);
    public const string RequiredFields = nameof(FlowDefinition.RequiredFields);

    public const string Id = nameof(FlowStep.Id);
    public const string Prompt = nameof(FlowStep.Prompt);
    public const string Input = nameof(FlowStep.Input);
    public const string Options = nameof(FlowStep.Options);
    public const string Required = nameof(FlowStep.Required);
    public const string DependsOn = nameof(FlowStep.DependsOn);
    public const string Fields = nameof(FlowStep.Fields);
    public const string MaxRetries = nameof(FlowStep.MaxRetries);
    public const string ValidationPattern = nameof(FlowStep.Validation) + "." + nameof(StepValidation.Pattern);
    public const string ValidationMessage = nameof(FlowStep.Validation) + "." + nameof(StepValidation.Message);
    public const string ValidationField = nameof(FlowStep.Validation) + "." + nameof(StepValidation.Field);

    public const string AlternativesToOffer = nameof(FlowDefinition.Rules) + "." + nameof(FlowRules.AlternativesToOffer);
    public const string MinimumConfidence = nameof(FlowDefinition.Rules) + "." + nameof(FlowRules.MinimumConfidence);
    public const string WhenNobodyCanTakeTheCall = nameof(FlowDefinition.Rules) + "." + nameof(FlowRules.WhenNobodyCanTakeTheCall);

    /// <summary>A part (<c>Field</c>, <c>Pattern</c>, <c>Message</c>) of the flow's field rule at <paramref name="index"/>.</summary>
    public static string ValidationRule(int index, string part) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{nameof(FlowDefinition.ValidationRules)}[{index}].{part}");
}
