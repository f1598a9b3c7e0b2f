using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// The default interpreter: hand-written rules over the words, no network and no model, deterministic for a given
/// utterance, business and instant. Parsers run in a fixed order and claim the words they use, so each word means
/// one thing: phone numbers first (so their digits are not times), then positional choices and counts, dates, times
/// (which need the day for opening hours), services, option names, names, and finally the intent.
/// </summary>
public sealed class RuleBasedInterpreter : IInterpreter
{
    public Interpretation Interpret(Utterance utterance, InterpretationContext context)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(context);
        if (utterance.IsEmpty)
        {
            return Interpretation.Nothing;
        }

        var text = utterance.Text?.Trim() ?? "";
        var digits = string.IsNullOrWhiteSpace(utterance.Digits) ? null : utterance.Digits.Trim();
        if (text.Length == 0 && digits is not null)
        {
            return KeypadReader.Read(digits, context);
        }

        var tokens = Tokenizer.Tokenize(text);
        var found = Find(tokens, text, digits, context);
        var (intent, certainty) = IntentClassifier.Classify(tokens, found, context);
        return Build(intent, certainty, utterance.Confidence, text, found, context, Negation.Mentions(tokens));
    }

    internal static Findings Find(TokenStream tokens, string text, string? digits, InterpretationContext context)
    {
        var phone = PhoneExtractor.Extract(tokens, digits, context);
        var selection = SelectionMatcher.ByPosition(tokens, digits, context);
        var number = context.Expected.Input == ExpectedInput.Number ? CountReader.Read(tokens) : null;
        var dates = DateParser.Parse(tokens, context);
        var times = TimeParser.Parse(tokens, context, dates.Date ?? dates.Excluded);
        var services = ServiceMatcher.Match(tokens, context.Business);
        selection ??= SelectionMatcher.ByName(text, context, services) ?? SelectionMatcher.ByValue(context, dates, times);
        var name = NameExtractor.Extract(tokens, context);
        var topic = InquiryTopics.Find(tokens, context.Business);
        return new Findings(services, dates, times, name, phone, selection, number, topic, BookingFields.Mentioned(tokens));
    }

    internal static Interpretation Build(
        Intent intent, double certainty, double? carrierConfidence, string text, Findings found, InterpretationContext context, bool negated)
    {
        var confidence = carrierConfidence is { } carrier ? certainty * Math.Clamp(carrier, 0, 1) : certainty;
        return new Interpretation
        {
            Intent = intent,
            Confidence = Math.Round(confidence, 3),
            Text = text,
            Service = found.Services.Best,
            ServiceCandidates = found.Services.Candidates,
            ExcludedService = found.Services.Excluded,
            Date = found.Dates.Date,
            ExcludedDate = found.Dates.Excluded,
            Time = found.Times.Time,
            ExcludedTime = found.Times.Excluded,
            Name = found.Name,
            Phone = found.Phone,
            Selection = found.Selection,
            Number = found.Number,
            InquiryTopic = intent == Intent.GeneralInquiry || found.Topic is not null ? found.Topic : null,
            Negated = negated || found.HasExclusion,
            MentionedField = found.MentionedField,
            AnswersExpected = Answers(context.Expected.Input, intent, found, text),
        };
    }

    private static bool Answers(ExpectedInput expected, Intent intent, Findings found, string text) => expected switch
    {
        ExpectedInput.Text => text.Length > 0 && intent is Intent.Book or Intent.Unknown,
        ExpectedInput.Number => found.Number is not null,
        ExpectedInput.Date => found.Dates.Date is not null,
        ExpectedInput.Time => found.Times.Time is not null,
        ExpectedInput.Selection => found.Selection is not null,
        ExpectedInput.YesNo => intent is Intent.Yes or Intent.No,
        ExpectedInput.Phone => found.Phone is not null,
        ExpectedInput.Name => found.Name is not null,
        _ => false,
    };
}
