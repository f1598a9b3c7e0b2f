using System.Xml.Linq;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Conversation;
using CallFlow.Web.Telephony;

namespace CallFlow.Tests.Web.Telephony;

public class TwimlWriterTests
{
    private static readonly TwimlLinks Links = new(
        "https://callflow.example/twilio/voice/turn",
        "https://callflow.example/twilio/voice/dial-result",
        "https://callflow.example/twilio/voice/wait");

    private static readonly VoiceSettings Speaker = new("Polly.Joanna", "alice", "en-US");

    private static XElement Render(VoiceReply reply)
    {
        var xml = new TwimlWriter().Write(reply, Links);
        var document = XDocument.Parse(xml);
        document.Root!.Name.LocalName.ShouldBe("Response");
        return document.Root;
    }

    private static string[] Verbs(XElement response) => [.. response.Elements().Select(e => e.Name.LocalName)];

    [Fact]
    public void An_ask_is_a_speech_and_keypad_gather_posting_to_the_turn_webhook_with_the_prompt_inside()
    {
        var response = Render(VoiceReply.Prompt("How can I help?", ["haircut", "color"]) with { Speaker = Speaker });

        Verbs(response).ShouldBe(["Gather", "Redirect"]);
        var gather = response.Element("Gather")!;
        gather.Attribute("input")!.Value.ShouldBe("speech dtmf");
        gather.Attribute("action")!.Value.ShouldBe(Links.Turn);
        gather.Attribute("method")!.Value.ShouldBe("POST");
        gather.Attribute("actionOnEmptyResult")!.Value.ShouldBe("true");
        gather.Attribute("speechTimeout")!.Value.ShouldBe("auto");
        gather.Attribute("timeout")!.Value.ShouldBe("5");
        gather.Attribute("language")!.Value.ShouldBe("en-US");
        gather.Attribute("hints")!.Value.ShouldBe("haircut, color");
        gather.Elements().Select(e => e.Name.LocalName).ShouldBe(["Say"]);
        gather.Element("Say")!.Value.ShouldBe("How can I help?");
    }

    [Fact]
    public void Every_gather_is_followed_by_a_redirect_back_to_the_turn_webhook()
    {
        var response = Render(VoiceReply.SayThenPrompt("Got it.", "What day?"));

        Verbs(response).ShouldBe(["Say", "Gather", "Redirect"]);
        var redirect = response.Element("Redirect")!;
        redirect.Value.ShouldBe(Links.Turn);
        redirect.Attribute("method")!.Value.ShouldBe("POST");
    }

    [Fact]
    public void A_reply_that_only_talks_comes_back_to_the_turn_webhook_instead_of_hanging_up()
    {
        Verbs(Render(new VoiceReply([new Say("One moment.")]))).ShouldBe(["Say", "Redirect"]);
        Verbs(Render(new VoiceReply([]))).ShouldBe(["Redirect"]);
    }

    [Fact]
    public void Caller_words_and_business_names_are_escaped_and_read_back_intact()
    {
        const string words = "Tom & Jerry's <\"best\"> salon";
        var reply = VoiceReply.SayThenPrompt($"Got it: {words}.", $"Welcome to {words}", [words]) with { Speaker = Speaker };

        var xml = new TwimlWriter().Write(reply, Links);

        xml.ShouldNotContain("<\"best\">");
        xml.ShouldContain("&amp;");
        xml.ShouldContain("&lt;");
        var response = XDocument.Parse(xml).Root!;
        response.Element("Say")!.Value.ShouldBe($"Got it: {words}.");
        response.Element("Gather")!.Element("Say")!.Value.ShouldBe($"Welcome to {words}");
        response.Element("Gather")!.Attribute("hints")!.Value.ShouldBe("Tom & Jerry's <\"best\"> salon");
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_instead_of_failing_the_reply()
    {
        var response = Render(VoiceReply.Goodbye("bad\u0001 byte \ud83d\ude00 kept"));

        response.Element("Say")!.Value.ShouldBe("bad byte \ud83d\ude00 kept");
    }

    public static TheoryData<VoiceChoice, string?> Voices => new()
    {
        { VoiceChoice.Primary, "Polly.Joanna" },
        { VoiceChoice.Fallback, "alice" },
        { VoiceChoice.CarrierDefault, null },
    };

    [Theory]
    [MemberData(nameof(Voices))]
    public void Says_use_the_voice_the_reply_chose(VoiceChoice choice, string? voice)
    {
        var response = Render(VoiceReply.Goodbye("Bye") with { Speaker = Speaker, Voice = choice });

        var say = response.Element("Say")!;
        say.Attribute("voice")?.Value.ShouldBe(voice);
        say.Attribute("language")?.Value.ShouldBe(voice is null ? null : "en-US");
    }

    [Fact]
    public void Without_a_speaker_the_carrier_defaults_apply()
    {
        var response = Render(VoiceReply.Prompt("Hello?"));

        response.Descendants("Say").Single().Attributes().ShouldBeEmpty();
        response.Element("Gather")!.Attribute("language").ShouldBeNull();
        response.Element("Gather")!.Attribute("hints").ShouldBeNull();
    }

    [Fact]
    public void A_transfer_dials_the_number_and_reports_back_to_the_dial_result_webhook()
    {
        var response = Render(VoiceReply.TransferTo("Connecting you.", "+12125550147"));

        Verbs(response).ShouldBe(["Say", "Dial"]);
        var dial = response.Element("Dial")!;
        dial.Attribute("action")!.Value.ShouldBe(Links.DialResult);
        dial.Attribute("method")!.Value.ShouldBe("POST");
        dial.Attribute("timeout")!.Value.ShouldBe("20");
        dial.Element("Number")!.Value.ShouldBe("+12125550147");
    }

    [Fact]
    public void Hold_enqueues_the_caller_with_a_wait_url_and_comes_back_after_the_queue()
    {
        var response = Render(VoiceReply.HoldIn("Please hold.", "front-desk"));

        Verbs(response).ShouldBe(["Say", "Enqueue", "Redirect"]);
        var enqueue = response.Element("Enqueue")!;
        enqueue.Value.ShouldBe("front-desk");
        enqueue.Attribute("waitUrl")!.Value.ShouldBe(Links.Wait);
    }

    [Fact]
    public void A_goodbye_ends_with_hangup_and_nothing_after_it()
    {
        Verbs(Render(VoiceReply.Goodbye("Goodbye."))).ShouldBe(["Say", "Hangup"]);
    }

    [Fact]
    public void Pauses_and_keypad_questions_keep_their_numbers()
    {
        var response = Render(new VoiceReply([new Pause(2), new Ask("Press 1 to confirm.", [], TimeoutSeconds: 7, NumDigits: 1)]));

        Verbs(response).ShouldBe(["Pause", "Gather", "Redirect"]);
        response.Element("Pause")!.Attribute("length")!.Value.ShouldBe("2");
        response.Element("Gather")!.Attribute("numDigits")!.Value.ShouldBe("1");
        response.Element("Gather")!.Attribute("timeout")!.Value.ShouldBe("7");
    }

    [Fact]
    public void Hints_are_trimmed_deduplicated_and_capped_at_five_hundred()
    {
        var many = Enumerable.Range(0, 600).Select(i => $"phrase {i}").Prepend("blow, dry").Prepend("Haircut").Prepend("haircut");

        var hints = TwimlWriter.Hints(many).Split(", ");

        hints.Length.ShouldBe(TwimlWriter.MaxHints);
        hints[0].ShouldBe("haircut");
        hints[1].ShouldBe("blow dry");
    }

    [Fact]
    public void The_document_declares_utf8()
    {
        new TwimlWriter().Write(VoiceReply.Goodbye("Bye"), Links).ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Response>");
    }
}
