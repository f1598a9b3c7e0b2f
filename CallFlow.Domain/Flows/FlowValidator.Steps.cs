namespace CallFlow.Domain.Flows;

// The checks on each step on its own: id, prompt, retries, options, validation and the fields it collects.
public static partial class FlowValidator
{
    private static void CheckSteps(FlowDefinition flow, List<FlowProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in flow.Steps)
        {
            var name = Describe(step);
            if (string.IsNullOrWhiteSpace(step.Id) || !Identifier.IsMatch(step.Id))
            {
                problems.Add(new(step.Id, $"{name} needs an id of letters, digits, '-' or '_' starting with a letter.", FlowPaths.Id));
            }
            else if (!seen.Add(step.Id))
            {
                problems.Add(new(step.Id, $"Two steps have the id '{step.Id}'; ids must be unique.", FlowPaths.Id));
            }

            if (string.IsNullOrWhiteSpace(step.Prompt))
            {
                problems.Add(new(step.Id, $"{name} has no prompt: the assistant would have nothing to ask.", FlowPaths.Prompt));
            }

            if (step.MaxRetries is < 1 or > 10)
            {
                problems.Add(new(step.Id, $"{name} allows {step.MaxRetries} retries; allow between 1 and 10.", FlowPaths.MaxRetries));
            }

            if (step.Input == StepInput.Selection && (step.Options.Count == 0 || step.Options.Any(string.IsNullOrWhiteSpace)))
            {
                problems.Add(new(step.Id, $"{name} is a selection but has no options to choose from.", FlowPaths.Options));
            }
            else if (step.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != step.Options.Count)
            {
                problems.Add(new(step.Id, $"{name} lists the same option twice.", FlowPaths.Options));
            }

            if (step.Validation is { } validation)
            {
                CheckPattern(problems, step.Id, $"The validation pattern of {name}", validation.Pattern, validation.Message, FlowPaths.ValidationPattern, FlowPaths.ValidationMessage);
                if (validation.Field is { } field && !step.Fields.Contains(field, StringComparer.Ordinal))
                {
                    problems.Add(new(step.Id, $"The validation of {name} checks '{field}', which the step does not collect.", FlowPaths.ValidationField));
                }
            }

            CheckStepFields(step, name, problems);
        }

        if (flow.Steps.Where(s => s.Type == StepType.Confirmation).Skip(1).LastOrDefault() is { } extra)
        {
            problems.Add(new(extra.Id, "The flow has more than one confirmation step; the booking is read back once.", FlowPaths.Type));
        }
    }

    private static void CheckStepFields(FlowStep step, string name, List<FlowProblem> problems)
    {
        if (step.Type == StepType.Confirmation)
        {
            if (step.Fields.Count > 0)
            {
                problems.Add(new(step.Id, $"{name} is the confirmation and cannot collect fields.", FlowPaths.Fields));
            }

            return;
        }

        if (step.Fields.Count == 0)
        {
            problems.Add(new(step.Id, $"{name} collects no field.", FlowPaths.Fields));
        }

        foreach (var field in step.Fields.Where(f => string.IsNullOrWhiteSpace(f) || !Identifier.IsMatch(f)))
        {
            problems.Add(new(step.Id, $"{name} collects '{field}', which is not a valid field name.", FlowPaths.Fields));
        }

        var required = step.Fields.Select(FlowFields.RequiredInput).OfType<StepInput>().ToList();
        if (step.Fields.Count == 1 && required.Count == 1 && step.Input != required[0])
        {
            problems.Add(new(step.Id, $"{name} collects {step.Fields[0]}, which needs the {Snake(required[0])} input, not {Snake(step.Input)}.", FlowPaths.Input));
        }
        else if (step.Fields.Count > 1 && step.Input != StepInput.Text)
        {
            problems.Add(new(step.Id, $"{name} collects several fields, so its input must be text.", FlowPaths.Input));
        }

        var expected = step.Type switch
        {
            StepType.ServiceSelection => Understanding.BookingFields.Service,
            StepType.TimeSelection => Understanding.BookingFields.Time,
            _ => null,
        };
        if (expected is not null && !step.Fields.Contains(expected, StringComparer.Ordinal))
        {
            problems.Add(new(step.Id, $"{name} is a {Snake(step.Type)} step but does not collect {expected}.", FlowPaths.Fields));
        }
    }
}
