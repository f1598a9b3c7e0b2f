namespace CallFlow.Domain.Understanding;

/// <summary>
/// Turns one caller utterance into what the caller wants and the details they gave. Implementations must not depend
/// on the server's clock or time zone: everything time-related comes from <see cref="InterpretationContext"/>.
/// The rule-based default answers offline in well under a millisecond; a language-model interpreter can sit behind
/// the same interface (falling back to the rules when it is slow or unsure).
/// </summary>
public interface IInterpreter
{
    Interpretation Interpret(Utterance utterance, InterpretationContext context);
}
