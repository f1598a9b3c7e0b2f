using System.ComponentModel.DataAnnotations;
using CallFlow.Domain.Calendar;

namespace CallFlow.Web.Businesses.Settings;

/// <summary>A service as the owner adds or edits it; <see cref="Id"/> is null for a new one.</summary>
public sealed class ServiceForm
{
    public const int MaxSynonyms = 30;
    public const int MaxSynonymLength = 60;

    public string? Id { get; set; }

    [Required(ErrorMessage = "Name the service, such as Haircut.")]
    [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    public string? Name { get; set; }

    /// <summary>Other words callers use for it.</summary>
    public List<string> Synonyms { get; set; } = [];

    [Range(5, CalendarRules.MaxServiceMinutes, ErrorMessage = "A service takes 5 minutes to 24 hours.")]
    public int DurationMinutes { get; set; } = 30;

    [Range(0, 240, ErrorMessage = "A buffer is 0 to 240 minutes.")]
    public int BufferBeforeMinutes { get; set; }

    [Range(0, 240, ErrorMessage = "A buffer is 0 to 240 minutes.")]
    public int BufferAfterMinutes { get; set; }

    [Range(typeof(decimal), "0", "100000", ErrorMessage = "The price is 0 (free) to 100,000.")]
    public decimal Price { get; set; }

    public static ServiceForm From(Service service) => new()
    {
        Id = service.Id,
        Name = service.Name,
        Synonyms = [.. service.Synonyms],
        DurationMinutes = service.DurationMinutes,
        BufferBeforeMinutes = service.BufferBeforeMinutes,
        BufferAfterMinutes = service.BufferAfterMinutes,
        Price = service.Price,
    };

    /// <summary>Adds a word callers use; false (and nothing added) when it is blank, too long or already there.</summary>
    public bool AddSynonym(string? word)
    {
        var clean = FormChecks.Clean(word);
        if (clean is null || clean.Length > MaxSynonymLength || Synonyms.Count >= MaxSynonyms
            || Synonyms.Contains(clean, StringComparer.OrdinalIgnoreCase) || string.Equals(clean, Name?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Synonyms.Add(clean);
        return true;
    }
}
