using CallFlow.Web.Businesses.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CallFlow.Web.Components.Settings;

/// <summary>
/// Puts the problems a save returned into the form's <see cref="EditContext"/>, so each shows beside its input
/// (MudBlazor inputs with <c>For</c>, or <see cref="FieldProblems"/> for a list). A problem goes away when its input
/// changes and all go at the next save.
/// </summary>
public sealed class SettingsValidator : ComponentBase, IDisposable
{
    private EditContext? _context;
    private ValidationMessageStore? _store;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    public void Show(IEnumerable<SettingsProblem> problems)
    {
        if (_context is null || _store is null)
        {
            return;
        }

        _store.Clear();
        foreach (var problem in problems)
        {
            _store.Add(problem.Field, problem.Message);
        }

        _context.NotifyValidationStateChanged();
    }

    public void Clear()
    {
        _store?.Clear();
        _context?.NotifyValidationStateChanged();
    }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(EditContext, _context))
        {
            return;
        }

        Detach();
        _context = EditContext ?? throw new InvalidOperationException($"{nameof(SettingsValidator)} belongs inside an EditForm.");
        _store = new ValidationMessageStore(_context);
        _context.OnFieldChanged += FieldChanged;
        _context.OnValidationRequested += ValidationRequested;
    }

    public void Dispose() => Detach();

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        _store?.Clear(e.FieldIdentifier);
        _context?.NotifyValidationStateChanged();
    }

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e) => _store?.Clear();

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnFieldChanged -= FieldChanged;
            _context.OnValidationRequested -= ValidationRequested;
        }
    }
}
