using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// Keypad input without speech: 1 is yes and 2 is no at a yes/no question, a digit picks an option, digits are a
/// phone number at a phone step and a time, date or count at those steps ("1530", "14", "3"); 0 asks for a person
/// anywhere else. Keys are certain, so the carrier's speech confidence does not apply.
/// </summary>
internal static class KeypadReader
{
    private const double KeyCertainty = 0.99;

    public static Interpretation Read(string digits, InterpretationContext context)
    {
        var expected = context.Expected.Input;
        var keys = new string(digits.Where(c => char.IsAsciiDigit(c) || c is '*' or '#').ToArray()).TrimEnd('#');
        var empty = new Findings(new ServiceFindings(null, [], null), default, default, null, null, null, null, null, null);
        if (expected == ExpectedInput.YesNo)
        {
            var intent = keys switch { "1" => Intent.Yes, "2" => Intent.No, _ => Intent.Unknown };
            return Done(intent, intent == Intent.Unknown ? 0.2 : KeyCertainty, keys, empty, context);
        }

        if (expected is ExpectedInput.Selection or ExpectedInput.Phone or ExpectedInput.Date or ExpectedInput.Time or ExpectedInput.Number)
        {
            var text = expected is ExpectedInput.Selection or ExpectedInput.Phone ? "" : keys;
            var found = RuleBasedInterpreter.Find(Tokenizer.Tokenize(text), text, keys, context);
            var answered = expected switch
            {
                ExpectedInput.Selection => found.Selection is not null,
                ExpectedInput.Phone => found.Phone is not null,
                ExpectedInput.Date => found.Dates.Date is not null,
                ExpectedInput.Time => found.Times.Time is not null,
                _ => found.Number is not null,
            };
            return Done(answered ? Intent.Book : Intent.Unknown, answered ? KeyCertainty : 0.2, keys, found, context);
        }

        return keys == "0"
            ? Done(Intent.SpeakToPerson, KeyCertainty, keys, empty, context)
            : Done(Intent.Unknown, 0.2, keys, empty, context);
    }

    private static Interpretation Done(Intent intent, double certainty, string keys, Findings found, InterpretationContext context) =>
        RuleBasedInterpreter.Build(intent, certainty, null, "", found, context, false) with { Text = keys };
}
