using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace CallFlow.Web.Telephony;

/// <summary>The form parameters of one validated Twilio webhook, with typed readers for the ones CallFlow uses.</summary>
public sealed class TwilioRequest(IReadOnlyDictionary<string, StringValues> form)
{
    private static readonly object ItemKey = new();

    public static TwilioRequest Empty { get; } = new(new Dictionary<string, StringValues>());

    public IReadOnlyDictionary<string, StringValues> Form { get; } = form;

    public string? CallSid => this["CallSid"];

    /// <summary>A parameter's value; null when it is missing or blank.</summary>
    public string? this[string name] =>
        Form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) && !string.IsNullOrWhiteSpace(value.ToString())
            ? value.ToString().Trim()
            : null;

    public double? Number(string name) =>
        double.TryParse(this[name], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    public int? Integer(string name) =>
        int.TryParse(this[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An RFC 2822 date (Twilio's Timestamp: "Mon, 16 Aug 2010 03:45:01 +0000").</summary>
    public DateTimeOffset? Date(string name) =>
        DateTimeOffset.TryParse(this[name], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary>The request the signature filter validated (an empty one if the filter did not run).</summary>
    public static TwilioRequest Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is TwilioRequest request ? request : Empty;
}
