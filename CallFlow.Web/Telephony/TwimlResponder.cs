using System.Text;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Conversation;
using CallFlow.Web.Conversation;

namespace CallFlow.Web.Telephony;

/// <summary>
/// Turns what the receptionist decides into a TwiML response. If deciding fails, the caller still hears
/// something: the receptionist's recovery reply, and failing that a fixed apology, never an error page.
/// </summary>
public sealed class TwimlResponder(TwimlWriter writer, WebhookUrls urls, ILogger<TwimlResponder> logger)
{
    /// <summary>Said when even the recovery path fails: nothing in it depends on the database.</summary>
    public const string LastResortApology = "We're sorry, we are having technical difficulties. Please call again in a few minutes. Goodbye.";

    public async Task<IResult> RespondAsync(HttpContext context, string callSid, IReceptionist receptionist, Func<Task<VoiceReply>> decide)
    {
        VoiceReply reply;
        try
        {
            reply = await decide();
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Call {CallSid}: {Path} failed; recovering", callSid, context.Request.Path);
            try
            {
                // 11200 is Twilio's own code for "the webhook failed", which is what just happened.
                reply = await receptionist.RecoverAsync(callSid, "11200", context.RequestAborted);
            }
            catch (Exception again) when (!context.RequestAborted.IsCancellationRequested)
            {
                logger.LogError(again, "Call {CallSid}: recovery failed too", callSid);
                reply = VoiceReply.Goodbye(LastResortApology);
            }
        }

        return Xml(Render(context.Request, reply));
    }

    public string Render(HttpRequest request, VoiceReply reply) =>
        writer.Write(reply, new TwimlLinks(urls.For(request, WebhookUrls.Turn), urls.For(request, WebhookUrls.DialResult), urls.For(request, WebhookUrls.Wait)));

    public IResult HoldMusic(string message, VoiceSettings? speaker) => Xml(writer.WriteHoldMusic(message, speaker));

    private static IResult Xml(string twiml) => Results.Text(twiml, TwimlWriter.ContentType, Encoding.UTF8);
}
