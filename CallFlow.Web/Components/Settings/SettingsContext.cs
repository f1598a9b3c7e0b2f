using CallFlow.Web.Businesses;

namespace CallFlow.Web.Components.Settings;

/// <summary>
/// What the settings page shares with its sections (cascaded): the business as last loaded or saved, whose
/// <see cref="Version"/> every section saves against, and the sections on the page for its table of contents.
/// </summary>
public sealed class SettingsContext(Business business, Func<Task> reload, Action changed)
{
    private readonly List<(string Anchor, string Title)> _sections = [];

    /// <summary>The business with all its services, as saved; read it, never edit it (sections edit forms).</summary>
    public Business Business { get; private set; } = business;

    public string BusinessId => Business.Id;

    public int Version => Business.Version;

    public IReadOnlyList<(string Anchor, string Title)> Sections => _sections;

    /// <summary>A section saved: the business as saved becomes everyone's, so the next save of any section is not a conflict.</summary>
    public void Saved(Business saved)
    {
        Business = saved;
        changed();
    }

    /// <summary>Reads the business again and rebuilds every section (after a conflict); unsaved edits are dropped.</summary>
    public Task ReloadAsync() => reload();

    internal void Register(string anchor, string title)
    {
        if (!_sections.Any(s => s.Anchor == anchor))
        {
            _sections.Add((anchor, title));
            changed();
        }
    }
}
