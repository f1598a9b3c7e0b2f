using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Components.TestCall;

namespace CallFlow.Tests.Web.Components.TestCall;

public class SpeechButtonTests : ConsoleContext
{
    private const string Module = "./Components/TestCall/SpeechButton.razor.js";

    [Fact]
    public void Where_the_browser_recognises_speech_what_it_heard_is_said_as_the_caller()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<bool>("supported").SetResult(true);
        var listen = module.Setup<bool>("listen", _ => true);
        listen.SetResult(true);
        string? heard = null;
        var button = Render<SpeechButton>(p => p.Add(x => x.Language, "en-GB").Add(x => x.OnHeard, words => heard = words));

        button.WaitForElement("[data-testid=speak]").Click();
        button.InvokeAsync(() => button.Instance.Heard("a haircut tomorrow", 0.8));

        heard.ShouldBe("a haircut tomorrow");
        listen.Invocations.ShouldHaveSingleItem().Arguments[1].ShouldBe("en-GB");
    }

    [Fact]
    public void Without_speech_recognition_it_asks_the_tester_to_type()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<bool>("supported").SetResult(false);

        var button = Render<SpeechButton>();

        button.WaitForElement("[data-testid=speech-unsupported]").TextContent.ShouldContain("type instead");
        button.FindAll("[data-testid=speak]").ShouldBeEmpty();
    }

    [Fact]
    public void A_recognizer_that_hears_nothing_says_so()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<bool>("supported").SetResult(true);
        string? problem = null;
        var button = Render<SpeechButton>(p => p.Add(x => x.OnProblem, message => problem = message));
        button.WaitForElement("[data-testid=speak]");

        button.InvokeAsync(() => button.Instance.NotHeard("no-speech"));

        problem.ShouldBe("Nothing was heard; try again or type.");
    }
}
