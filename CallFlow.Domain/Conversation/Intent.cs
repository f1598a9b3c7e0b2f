namespace CallFlow.Domain.Conversation;

/// <summary>What a caller wants, as the interpreter understood one utterance.</summary>
public enum Intent
{
    /// <summary>Nothing recognisable (or silence); the step re-prompts.</summary>
    Unknown,

    /// <summary>Wants an appointment, or answers a booking step with details ("tomorrow at 3", "Dana Smith").</summary>
    Book,

    /// <summary>Wants to move an appointment they already have.</summary>
    Reschedule,

    /// <summary>Wants to cancel an appointment, or to drop the booking under way ("never mind").</summary>
    Cancel,

    /// <summary>Asks about the business (hours, address, prices, services, parking, policies); see the inquiry topic.</summary>
    GeneralInquiry,

    /// <summary>Asks for a human: staff, the front desk, a call back.</summary>
    SpeakToPerson,

    /// <summary>Agrees to the question put to them (or pressed 1 at a yes/no question).</summary>
    Yes,

    /// <summary>Declines the question put to them (or pressed 2 at a yes/no question).</summary>
    No,

    /// <summary>Corrects a detail already given ("actually make it four", "can we do Thursday instead").</summary>
    ChangeRequest,

    /// <summary>Ends the conversation ("that's all, bye", "no thanks" when nothing was asked).</summary>
    Goodbye,
}

public static class Intents
{
    /// <summary>Intents that start (or restart) the booking flow.</summary>
    public static bool IsBooking(this Intent intent) => intent is Intent.Book or Intent.Reschedule;

    /// <summary>Intents answered in conversation without starting a booking.</summary>
    public static bool IsInquiry(this Intent intent) => intent is Intent.GeneralInquiry or Intent.Cancel;
}
