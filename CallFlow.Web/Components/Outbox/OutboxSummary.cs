using System.Xml;
using System.Xml.Linq;
using CallFlow.Web.Telephony;

namespace CallFlow.Web.Components.Outbox;

/// <summary>One outbox row in words: the text of a message, what a call or a redirect tells the line to do.</summary>
public static class OutboxSummary
{
    private const int MaxSaid = 80;

    public static string Describe(OutboxMessage message) => message.Kind switch
    {
        OutboxKind.Message => message.Body ?? "",
        OutboxKind.Hangup => "Hang up the call",
        _ when message.Twiml is { Length: > 0 } twiml => Verbs(twiml),
        _ when message.Url is { Length: > 0 } url => $"Fetch instructions from {PathOf(url)}",
        _ => "",
    };

    public static string KindLabel(OutboxKind kind) => kind switch
    {
        OutboxKind.Call => "call",
        OutboxKind.Message => "text",
        OutboxKind.Redirect => "redirect",
        OutboxKind.Hangup => "hang-up",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The TwiML's verbs in order: Say "Please hold…" → Enqueue hold-CA….</summary>
    internal static string Verbs(string twiml)
    {
        try
        {
            var root = XDocument.Parse(twiml).Root;
            var verbs = root?.Elements().Select(Verb).ToList() ?? [];
            return verbs.Count == 0 ? "(empty TwiML)" : string.Join(" → ", verbs);
        }
        catch (XmlException)
        {
            return "(unreadable TwiML)";
        }
    }

    private static string Verb(XElement verb) => verb.Name.LocalName switch
    {
        "Say" => $"Say \"{Shorten(verb.Value)}\"",
        "Dial" => $"Dial {(verb.Element("Number")?.Value ?? verb.Value).Trim()}",
        "Enqueue" => $"Enqueue {verb.Value.Trim()}",
        "Redirect" => $"Redirect {PathOf(verb.Value.Trim())}",
        var name => name,
    };

    private static string Shorten(string text) => text.Length <= MaxSaid ? text : text[..(MaxSaid - 1)] + "…";

    private static string PathOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;
}
