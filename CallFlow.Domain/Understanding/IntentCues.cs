namespace CallFlow.Domain.Understanding;

/// <summary>The words and phrases that signal each intent, kept as data so they can be read and extended in one place.</summary>
internal static class IntentCues
{
    public static readonly string[][] SpeakToPerson = Phrases.Of(
        "speak to someone", "speak to somebody", "speak to a person", "speak to a human", "speak to a real person",
        "speak to the manager", "speak to a manager", "speak to the owner", "speak to staff", "speak to someone else",
        "speak with someone", "speak with somebody", "speak with a person", "speak with a human", "speak with the manager",
        "speak to a receptionist", "speak to the receptionist", "speak to my stylist", "speak to anyone", "speak to an agent",
        "talk to someone", "talk to somebody", "talk to a person", "talk to a human", "talk to a real person",
        "talk to the manager", "talk to a manager", "talk to the owner", "talk to staff", "talk to anyone",
        "talk with someone", "talk with a person", "talk to a receptionist", "talk to the receptionist", "talk to my stylist",
        "real person", "live person", "actual person", "a human", "human being", "operator", "representative",
        "front desk", "transfer me", "put me through", "connect me", "get me someone", "can i speak to", "can i talk to",
        "call me back", "have someone call me", "someone call me", "agent");

    public static readonly string[][] Cancel = Phrases.Of(
        "cancel", "cancelled", "canceled", "call off", "never mind", "nevermind", "forget it", "forget about it",
        "drop my appointment");

    // "I can't make it": a cancellation, unless the caller says when they can come instead (then a reschedule).
    public static readonly string[][] CannotCome = Phrases.Of(
        "cant make it", "cannot make it", "wont make it", "wont be able to make it", "not going to make it",
        "cant come", "cannot come", "wont be able to come", "cant make my appointment", "cannot make my appointment",
        "wont make my appointment", "cant make my booking");

    // Moving something the caller already has: "move my Friday haircut", "I have a booking ... move it".
    public static readonly HashSet<string> MoveVerbs = Phrases.Words("move", "change", "switch", "push", "shift", "bring");

    public static readonly string[][] ExistingAppointment = Phrases.Of(
        "my appointment", "my booking", "my reservation", "i have an appointment", "i have a booking",
        "i have a reservation", "i booked", "im booked", "i am booked");

    public static readonly string[][] Reschedule = Phrases.Of(
        "reschedule", "rescheduled", "rebook", "postpone", "move my appointment", "change my appointment",
        "move my booking", "change my booking", "switch my appointment", "push my appointment", "push back my appointment",
        "move my reservation", "change my reservation", "change the appointment i have", "move the appointment i have",
        "different time for my appointment", "different day for my appointment", "bring my appointment forward",
        "move up my appointment", "change the time of my appointment", "change the date of my appointment");

    // Corrections: reliable wherever a booking is under way.
    public static readonly string[][] Correction = Phrases.Of(
        "actually", "instead", "make it", "make that", "change it", "change that", "change the", "switch it", "switch to",
        "switch that", "rather", "i meant", "i mean", "sorry", "scratch that", "on second thought", "wait", "change to",
        "move it", "push it", "can we change", "could we change", "can i change", "different", "should be", "except",
        "but");

    // Suggestions: a correction only when the caller is looking at a read-back.
    public static readonly string[][] Suggestion = Phrases.Of(
        "how about", "what about", "can we do", "could we do", "can i do", "could i do", "can we make", "is there",
        "do you have", "prefer", "better");

    // "speak to Maria", "talk with my stylist": wanting a word with anyone but the assistant.
    public static readonly string[][] SpeakVerbs = Phrases.Of("speak to", "speak with", "talk to", "talk with");

    public static readonly HashSet<string> NotAPerson = Phrases.Words("you", "it", "that", "this");

    public static readonly string[][] Yes = Phrases.Of(
        "yes", "yeah", "yep", "yup", "ya", "yea", "yes please", "sure", "of course", "absolutely", "definitely",
        "certainly", "ok", "okay", "alright", "all right", "please do", "go ahead", "sounds good", "sounds great",
        "sounds perfect", "that works", "works for me", "that would be great", "confirm", "confirmed", "affirmative",
        "uh huh", "mhm", "mm hmm", "exactly", "do it", "book it", "lets do it", "lets do that", "you got it", "indeed",
        "yes it is", "that is correct");

    // Affirmations that only answer a yes/no question; elsewhere "good morning" or "right now" are not a yes.
    public static readonly string[][] YesWhenAsked = Phrases.Of(
        "good", "great", "fine", "perfect", "right", "correct", "lovely", "cool", "excellent", "that is right",
        "thats right", "thats correct", "thats fine", "looks good", "all good", "works", "it does", "i do", "we do",
        "please", "thats it", "no problem", "not a problem", "no worries", "why not");

    // Bare "no", "nope" and "nah" count at the start of a clause; these phrases count anywhere.
    public static readonly string[][] No = Phrases.Of(
        "no thanks", "no thank you", "not really", "incorrect", "wrong", "thats wrong", "not right", "not correct",
        "isnt right", "isnt correct", "not quite", "negative", "i dont think so", "not my number", "thats not it",
        "not that", "no way", "not at all", "dont do that", "please dont", "thats not what i said", "i dont want that",
        "doesnt work", "does not work", "wont work", "not good");

    public static readonly HashSet<string> NoWords = Phrases.Words("no", "nope", "nah", "nay");

    // "No problem" and "no worries" agree.
    public static readonly HashSet<string> NotANo = Phrases.Words("problem", "worries", "doubt", "bother");

    public static readonly string[][] DeclineOffer = Phrases.Of("no thanks", "no thank you", "nope thats all", "no thats all", "no thats it");

    public static readonly string[][] Goodbye = Phrases.Of(
        "bye", "goodbye", "good bye", "bye bye", "see you", "see ya", "thats all", "that is all", "thats everything",
        "nothing else", "have a good day", "have a nice day", "have a great day", "hang up", "im done", "all set",
        "im all set", "talk to you later", "take care", "cheers", "thats all i needed");

    public static readonly string[][] Thanks = Phrases.Of("thanks", "thank you", "thank you so much", "thanks a lot", "great thanks");

    public static readonly string[][] Book = Phrases.Of(
        "book", "booking", "appointment", "schedule", "reserve", "reservation", "come in", "get in", "fit me in",
        "squeeze me in", "availability", "available", "openings", "any opening", "an opening", "slot", "slots",
        "do you have anything", "anything free", "are you free", "i need a", "i want a", "id like a", "i would like a",
        "id like to get", "can i get", "could i get", "looking to get", "looking for a", "i need to get", "get my hair",
        "get a", "want to come", "like to come", "make an appointment", "set up", "sign up", "i want to get", "need my",
        "want my", "book me", "pencil me in");

    // Booking words strong enough to outweigh a question about prices or hours in the same breath.
    public static readonly string[][] StrongBook = Phrases.Of(
        "book", "appointment", "schedule", "reserve", "make an appointment", "come in", "fit me in", "book me",
        "pencil me in", "reservation");

    public static readonly HashSet<string> Negators = Phrases.Words(
        "not", "dont", "isnt", "doesnt", "wasnt", "arent", "aint", "never", "no");
}
