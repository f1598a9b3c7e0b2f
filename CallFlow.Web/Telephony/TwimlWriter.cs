using System.Globalization;
using System.Text;
using System.Xml;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Conversation;

namespace CallFlow.Web.Telephony;

/// <summary>The absolute webhook URLs a TwiML document points back to.</summary>
public sealed record TwimlLinks(string Turn, string DialResult, string Wait);

/// <summary>
/// Renders a carrier-neutral <see cref="VoiceReply"/> as TwiML. XmlWriter does the escaping, so caller words and
/// business names can never break the document. The document always ends with a verb that hangs up, hands the
/// call on (Dial) or comes back to us (Redirect): Twilio hangs up on a document that simply runs out, and a Gather
/// that hears nothing falls through to whatever follows it.
/// </summary>
public sealed class TwimlWriter
{
    public const string ContentType = "text/xml";

    /// <summary>Twilio accepts up to 500 hint phrases.</summary>
    public const int MaxHints = 500;

    private const int MaxHintLength = 100;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        Async = false,
    };

    public string Write(VoiceReply reply, TwimlLinks links)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Response");
            foreach (var step in reply.Steps)
            {
                WriteStep(xml, step, reply, links);
            }

            if (reply.Steps.Count == 0 || reply.Steps[^1] is not (HangUp or Transfer))
            {
                // The fall-through: silence after a Gather, or a reply that stops talking, comes back as a no-input turn.
                Redirect(xml, links.Turn);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>What a caller on hold hears while waiting (Twilio requests the wait URL again when it ends).</summary>
    public string WriteHoldMusic(string message, VoiceSettings? speaker)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartElement("Response");
            Say(xml, message, new VoiceReply([]) { Speaker = speaker });
            xml.WriteStartElement("Pause");
            xml.WriteAttributeString("length", "10");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStep(XmlWriter xml, VoiceStep step, VoiceReply reply, TwimlLinks links)
    {
        switch (step)
        {
            case Say say:
                Say(xml, say.Text, reply);
                break;

            case Pause pause:
                xml.WriteStartElement("Pause");
                xml.WriteAttributeString("length", Number(Math.Max(1, pause.Seconds)));
                xml.WriteEndElement();
                break;

            case Ask ask:
                Gather(xml, ask, reply, links);
                break;

            case Transfer transfer:
                xml.WriteStartElement("Dial");
                xml.WriteAttributeString("action", links.DialResult);
                xml.WriteAttributeString("method", "POST");
                xml.WriteAttributeString("timeout", Number(transfer.TimeoutSeconds));
                xml.WriteElementString("Number", Clean(transfer.Number));
                xml.WriteEndElement();
                break;

            case Hold hold:
                xml.WriteStartElement("Enqueue");
                xml.WriteAttributeString("waitUrl", links.Wait);
                xml.WriteAttributeString("waitUrlMethod", "POST");
                xml.WriteString(Clean(hold.Queue));
                xml.WriteEndElement();
                break;

            case HangUp:
                xml.WriteElementString("Hangup", null);
                break;

            default:
                throw new NotSupportedException($"No TwiML for {step.GetType().Name}.");
        }
    }

    private static void Gather(XmlWriter xml, Ask ask, VoiceReply reply, TwimlLinks links)
    {
        xml.WriteStartElement("Gather");
        xml.WriteAttributeString("input", "speech dtmf");
        xml.WriteAttributeString("action", links.Turn);
        xml.WriteAttributeString("method", "POST");
        xml.WriteAttributeString("actionOnEmptyResult", "true");
        xml.WriteAttributeString("speechTimeout", "auto");
        xml.WriteAttributeString("timeout", Number(Math.Max(1, ask.TimeoutSeconds)));
        if (ask.NumDigits is { } digits)
        {
            xml.WriteAttributeString("numDigits", Number(digits));
        }

        if (reply.Speaker is { } speaker)
        {
            xml.WriteAttributeString("language", Clean(speaker.Language));
        }

        var hints = Hints(ask.Hints);
        if (hints.Length > 0)
        {
            xml.WriteAttributeString("hints", Clean(hints));
        }

        if (!string.IsNullOrWhiteSpace(ask.Prompt))
        {
            Say(xml, ask.Prompt, reply);
        }

        xml.WriteEndElement();
    }

    private static void Say(XmlWriter xml, string text, VoiceReply reply)
    {
        xml.WriteStartElement("Say");
        var voice = reply.Speaker is { } speaker
            ? reply.Voice switch
            {
                VoiceChoice.Primary => speaker.Voice,
                VoiceChoice.Fallback => speaker.FallbackVoice,
                _ => null,
            }
            : null;
        if (!string.IsNullOrWhiteSpace(voice))
        {
            xml.WriteAttributeString("voice", Clean(voice));
            xml.WriteAttributeString("language", Clean(reply.Speaker!.Language));
        }

        xml.WriteString(Clean(text));
        xml.WriteEndElement();
    }

    /// <summary>Drops characters XML cannot carry at all (control characters, lone surrogates) instead of failing the reply.</summary>
    internal static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
        }

        return clean.Length == text.Length ? text : clean.ToString();
    }

    private static void Redirect(XmlWriter xml, string url)
    {
        xml.WriteStartElement("Redirect");
        xml.WriteAttributeString("method", "POST");
        xml.WriteString(url);
        xml.WriteEndElement();
    }

    /// <summary>Comma-separated phrases: commas inside a phrase would split it, so they become spaces.</summary>
    internal static string Hints(IEnumerable<string> hints) => string.Join(", ", hints
        .Select(h => string.Join(' ', h.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        .Where(h => h.Length is > 0 and <= MaxHintLength)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Take(MaxHints));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
