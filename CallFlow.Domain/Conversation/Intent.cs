namespace CallFlow.Domain.Conversation;

/// <summary>What a caller wants, as the interpreter understood one utterance.</summary>
public enum Intent
{
    Unknown,
    Book,
    Reschedule,
    Cancel,
    GeneralInquiry,
    SpeakToPerson,
    Yes,
    No,
    ChangeRequest,
    Goodbye,
}

public static class Intents
{
    /// <summary>Intents that start (or restart) the booking flow.</summary>
    public static bool IsBooking(this Intent intent) => intent is Intent.Book or Intent.Reschedule;

    /// <summary>Intents answered in conversation without starting a booking.</summary>
    public static bool IsInquiry(this Intent intent) => intent is Intent.GeneralInquiry or Intent.Cancel;
}
