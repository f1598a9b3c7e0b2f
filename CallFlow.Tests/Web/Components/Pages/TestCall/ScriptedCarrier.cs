using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CallFlow.Tests.Web.Components.Pages.TestCall;

/// <summary>
/// Stands where the app's webhooks would be: greets on /incoming, echoes each turn, hangs up on "bye", accepts status
/// callbacks, and records what the simulator posted. Lets a page be tested against a carrier conversation without the app.
/// </summary>
internal sealed class ScriptedCarrier : HttpMessageHandler
{
    public List<string> Posted { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
        Posted.Add(path);
        if (path.EndsWith("/status", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        var said = form.TryGetValue("SpeechResult", out var speech) ? speech.ToString() : form.TryGetValue("Digits", out var digits) ? $"keys {digits}" : "";
        var twiml = path.EndsWith("/incoming", StringComparison.Ordinal) ? Ask("Scripted salon, how can I help?")
            : said.Contains("bye", StringComparison.OrdinalIgnoreCase) ? "<Say>Goodbye!</Say><Hangup/>"
            : said.Length == 0 ? Ask("Are you still there?")
            : $"<Say>You said: {SecurityElement.Escape(said)}.</Say>{Ask("Anything else?")}";
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>{twiml}</Response>", Encoding.UTF8, "text/xml"),
        };
    }

    private static string Ask(string question) =>
        $"<Gather input=\"speech dtmf\" action=\"/twilio/voice/turn\" actionOnEmptyResult=\"true\"><Say>{question}</Say></Gather>";
}
