using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;

namespace CallFlow.Web.Components.Flows;

/// <summary>
/// A flow as the editor holds it while the owner types: plain mutable fields (lists as the text the owner edits),
/// turned into a <see cref="FlowDefinition"/> to validate, save and publish. Renaming or removing a step keeps the
/// other steps' dependencies pointing at the right steps.
/// </summary>
public sealed class EditableFlow
{
    public string Type { get; set; } = FlowTypes.Booking;

    public string Name { get; set; } = "";

    public List<EditableStep> Steps { get; } = [];

    /// <summary>Comma-separated.</summary>
    public string RequiredFields { get; set; } = "";

    public List<EditableFieldRule> FieldRules { get; } = [];

    public bool TransferToStaff { get; set; }

    public Fallback WhenNobodyCanTakeTheCall { get; set; }

    public int AlternativesToOffer { get; set; }

    public double MinimumConfidence { get; set; }

    public static EditableFlow From(FlowDefinition definition)
    {
        var flow = new EditableFlow
        {
            Type = definition.Type,
            Name = definition.Name,
            RequiredFields = string.Join(", ", definition.RequiredFields),
            TransferToStaff = definition.Rules.TransferToStaff,
            WhenNobodyCanTakeTheCall = definition.Rules.WhenNobodyCanTakeTheCall,
            AlternativesToOffer = definition.Rules.AlternativesToOffer,
            MinimumConfidence = definition.Rules.MinimumConfidence,
        };
        flow.Steps.AddRange(definition.Steps.Select(EditableStep.From));
        flow.FieldRules.AddRange(definition.ValidationRules.Select(r => new EditableFieldRule { Field = r.Field, Pattern = r.Pattern, Message = r.Message }));
        return flow;
    }

    public FlowDefinition ToDefinition() => new()
    {
        Type = Type,
        Name = Name.Trim(),
        Steps = [.. Steps.Select(s => s.ToStep())],
        RequiredFields = Split(RequiredFields),
        ValidationRules = [.. FieldRules.Select(r => new FieldRule(r.Field.Trim(), r.Pattern, r.Message.Trim()))],
        Rules = new FlowRules
        {
            TransferToStaff = TransferToStaff,
            WhenNobodyCanTakeTheCall = WhenNobodyCanTakeTheCall,
            AlternativesToOffer = AlternativesToOffer,
            MinimumConfidence = MinimumConfidence,
        },
    };

    /// <summary>A new step at the end, with an id no other step has, asked after the last one.</summary>
    public EditableStep AddStep()
    {
        var number = Steps.Count + 1;
        while (Steps.Any(s => s.Id == $"step{number}"))
        {
            number++;
        }

        var step = new EditableStep { Id = $"step{number}", Name = "New step" };
        if (Steps.LastOrDefault() is { } last && !string.IsNullOrWhiteSpace(last.Id))
        {
            step.DependsOn.Add(last.Id);
        }

        Steps.Add(step);
        return step;
    }

    public void Move(EditableStep step, int by)
    {
        var from = Steps.IndexOf(step);
        var to = from + by;
        if (from < 0 || to < 0 || to >= Steps.Count)
        {
            return;
        }

        Steps.RemoveAt(from);
        Steps.Insert(to, step);
    }

    /// <summary>Removes the step and every dependency on it.</summary>
    public void Remove(EditableStep step)
    {
        Steps.Remove(step);
        foreach (var other in Steps)
        {
            other.DependsOn.RemoveAll(d => d == step.Id);
        }
    }

    /// <summary>Changes a step's id and the dependencies that named the old one.</summary>
    public void Rename(EditableStep step, string id)
    {
        var old = step.Id;
        step.Id = id.Trim();
        if (old.Length == 0 || Steps.Count(s => s.Id == old) > 0)
        {
            return;
        }

        foreach (var other in Steps.Where(s => s != step))
        {
            for (var i = 0; i < other.DependsOn.Count; i++)
            {
                if (other.DependsOn[i] == old)
                {
                    other.DependsOn[i] = step.Id;
                }
            }
        }
    }

    /// <summary>Items of a comma- or line-separated list, trimmed, blanks dropped.</summary>
    public static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>One step while it is being edited.</summary>
public sealed class EditableStep
{
    /// <summary>Tells the steps apart while their ids are being typed.</summary>
    public Guid Key { get; } = Guid.NewGuid();

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public StepType Type { get; set; } = StepType.InformationCollection;

    public string Prompt { get; set; } = "";

    public string Reprompt { get; set; } = "";

    public StepInput Input { get; set; } = StepInput.Text;

    /// <summary>One option a line.</summary>
    public string Options { get; set; } = "";

    public bool Validates { get; set; }

    public string ValidationPattern { get; set; } = "";

    public string ValidationMessage { get; set; } = "";

    public string ValidationField { get; set; } = "";

    public bool Required { get; set; } = true;

    public List<string> DependsOn { get; } = [];

    /// <summary>Comma-separated.</summary>
    public string Fields { get; set; } = "";

    public int MaxRetries { get; set; } = FlowStep.DefaultMaxRetries;

    public string Title => string.IsNullOrWhiteSpace(Name) ? (string.IsNullOrWhiteSpace(Id) ? "(unnamed step)" : Id) : Name;

    public static EditableStep From(FlowStep step)
    {
        var editable = new EditableStep
        {
            Id = step.Id,
            Name = step.Name,
            Type = step.Type,
            Prompt = step.Prompt,
            Reprompt = step.Reprompt ?? "",
            Input = step.Input,
            Options = string.Join("\n", step.Options),
            Validates = step.Validation is not null,
            ValidationPattern = step.Validation?.Pattern ?? "",
            ValidationMessage = step.Validation?.Message ?? "",
            ValidationField = step.Validation?.Field ?? "",
            Required = step.Required,
            Fields = string.Join(", ", step.Fields),
            MaxRetries = step.MaxRetries,
        };
        editable.DependsOn.AddRange(step.DependsOn);
        return editable;
    }

    public FlowStep ToStep() => new()
    {
        Id = Id.Trim(),
        Name = Name.Trim(),
        Type = Type,
        Prompt = Prompt.Trim(),
        Reprompt = string.IsNullOrWhiteSpace(Reprompt) ? null : Reprompt.Trim(),
        Input = Input,
        Options = [.. Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Validation = Validates ? new StepValidation(ValidationPattern, ValidationMessage.Trim(), string.IsNullOrWhiteSpace(ValidationField) ? null : ValidationField.Trim()) : null,
        Required = Required,
        DependsOn = [.. DependsOn],
        Fields = EditableFlow.Split(Fields),
        MaxRetries = MaxRetries,
    };
}

/// <summary>A check on one field wherever it is collected, while it is being edited.</summary>
public sealed class EditableFieldRule
{
    public string Field { get; set; } = "";

    public string Pattern { get; set; } = "";

    public string Message { get; set; } = "";
}
