namespace CallFlow.Domain.Understanding;

/// <summary>Words that are never (function words) or rarely (common words) a person's name.</summary>
internal static class NameWords
{
    /// <summary>Never part of a name, even after "my name is".</summary>
    public static readonly HashSet<string> Function = Phrases.Words(
        "a", "an", "the", "and", "or", "but", "so", "if", "of", "to", "for", "on", "at", "in", "by", "with", "from", "about",
        "is", "am", "are", "was", "be", "been", "i", "im", "me", "my", "mine", "you", "your", "we", "us", "our", "he",
        "she", "him", "her", "they", "them", "it", "its", "this", "that", "these", "those", "there", "here", "what",
        "when", "where", "who", "why", "how", "which", "not", "no", "yes", "yeah", "yep", "uh", "um", "er", "erm", "hmm",
        "ah", "oh", "okay", "ok", "please", "thanks", "thank", "hi", "hello", "hey", "sorry", "like", "just", "well",
        "actually", "again", "too", "also", "then", "than", "do", "does", "did", "can", "could", "would", "should",
        "shall", "might", "must", "id", "ill", "ive", "youre", "were", "theyre", "hes", "shes", "thats", "whats", "lets",
        "dont", "cant", "wont", "didnt", "isnt", "have", "has", "had", "get", "got", "want", "need", "calling", "call", "name",
        "names", "last", "first", "surname", "speaking", "spelled", "spell", "as", "in", "up", "out", "one", "same", "back",
        "later", "again", "anytime", "whenever", "sometime", "asap", "wrong", "incorrect", "right", "correct", "misspelled",
        "off", "on", "not",
        "number", "phone", "appointment", "booking", "book", "today", "tomorrow", "tonight", "morning", "afternoon",
        "evening", "pm", "am", "oclock", "noon", "next", "thing");

    /// <summary>Not taken as a name after a weak cue ("it's ...", "I'm ...") or as a bare answer at a name step.</summary>
    public static readonly HashSet<string> Common = Phrases.Words(
        "fine", "good", "great", "okay", "alright", "right", "wrong", "correct", "perfect", "sure", "true", "false",
        "new", "old", "late", "early", "busy", "free", "available", "open", "closed", "back", "done", "ready", "sorry",
        "glad", "happy", "looking", "wondering", "trying", "hoping", "interested", "afraid", "calling", "ringing",
        "phoning", "not", "still", "also", "only", "just", "really", "very", "quite", "pretty", "so", "too", "all",
        "any", "some", "more", "less", "much", "many", "every", "each", "other", "another", "such", "own", "way",
        "time", "day", "week", "month", "year", "hour", "minute", "minutes", "today", "yesterday", "soon", "later",
        "now", "again", "ever", "never", "always", "sometimes", "usually", "maybe", "probably", "possible", "about",
        "around", "over", "after", "before", "between", "during", "until", "since", "while", "because", "though",
        "going", "coming", "gonna", "wanna", "gotta", "need", "want", "like", "love", "hate", "know", "think", "see",
        "mean", "say", "said", "tell", "ask", "asked", "make", "made", "take", "took", "give", "gave", "go", "went",
        "come", "came", "use", "work", "works", "help", "try", "book", "cancel", "change", "move", "reschedule",
        "hair", "haircut", "appointment", "booking", "reservation", "slot", "opening", "price", "prices", "cost",
        "hours", "address", "parking", "location", "person", "someone", "somebody", "anyone", "nobody", "nothing",
        "everything", "something", "anything", "customer", "client", "regular", "here", "there", "home", "out", "in",
        "bye", "goodbye", "thanks", "thank", "welcome", "cool", "nice", "awesome", "excellent", "lovely", "confirmed",
        "wonderful", "fantastic", "brilliant", "me", "myself", "yours", "unsure", "confused", "lost", "stuck",
        "ten", "dollars", "bucks", "salon", "shop", "store", "business", "place", "voicemail", "machine", "robot",
        "human", "real", "live", "agent", "staff", "manager", "owner", "receptionist", "stylist", "operator",
        "the", "a", "an", "for", "to", "with", "on", "at", "what", "who", "how", "tomorrow", "noon", "asap",
        "sounds", "good", "bad", "ok", "that", "it", "is", "was", "yes", "no", "nope", "yup", "indeed", "absolutely",
        "definitely", "certainly", "course", "exactly", "hang", "hold", "wait", "minute", "second", "moment");

    /// <summary>Words that end a bare answer at a name step without being part of the name.</summary>
    public static readonly HashSet<string> Trailing = Phrases.Words("please", "thanks", "thank", "you", "here", "speaking");
}
