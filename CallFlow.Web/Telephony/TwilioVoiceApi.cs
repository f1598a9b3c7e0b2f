using System.Globalization;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using CallFlow.Web.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Telephony;

/// <summary>
/// Twilio's voice webhooks. Every request passes the <see cref="SignatureFilter"/> first; the handlers translate
/// the form into receptionist calls and the receptionist's replies into TwiML.
/// </summary>
public static class TwilioVoiceApi
{
    public static IEndpointRouteBuilder MapTwilioVoice(this IEndpointRouteBuilder app)
    {
        // Twilio cannot send an antiforgery token; the signature is what proves a request came from it.
        var twilio = app.MapGroup("/twilio")
            .AddEndpointFilter<WebhookTiming>()
            .AddEndpointFilter<WebhookConcurrency>()
            .AddEndpointFilter<SignatureFilter>()
            .DisableAntiforgery()
            .ExcludeFromDescription();

        var voice = twilio.MapGroup("/voice");
        voice.MapPost("/incoming", IncomingAsync);
        voice.MapPost("/turn", TurnAsync);
        voice.MapPost("/status", StatusAsync);
        voice.MapPost("/fallback", FallbackAsync);
        voice.MapPost("/dial-result", DialResultAsync);
        voice.MapPost("/outbound", OutboundAsync);
        voice.MapPost("/wait", WaitAsync);
        return app;
    }

    /// <summary>A call comes in: the business is found by the number called, the caller is greeted.</summary>
    internal static async Task<IResult> IncomingAsync(HttpContext context, IReceptionist receptionist, TwimlResponder twiml)
    {
        var form = TwilioRequest.Of(context);
        if (form.CallSid is not { } callSid)
        {
            return MissingCallSid();
        }

        var inbound = new InboundCall(callSid, form["From"] ?? "", form["To"] ?? "", new CallerInfo
        {
            Name = form["CallerName"],
            City = form["FromCity"],
            Region = form["FromState"],
            Country = form["FromCountry"],
        })
        {
            FlowVersionId = long.TryParse(context.Request.Query[WebhookUrls.FlowVersionParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null,
            IsTest = WebhookUrls.IsTestCall(context.Request),
        };
        return await twiml.RespondAsync(context, callSid, receptionist, () => receptionist.AnswerAsync(inbound, context.RequestAborted));
    }

    /// <summary>The Gather's action: what the caller said or pressed, or nothing (a no-input event).</summary>
    internal static async Task<IResult> TurnAsync(HttpContext context, IReceptionist receptionist, TwimlResponder twiml)
    {
        var form = TwilioRequest.Of(context);
        if (form.CallSid is not { } callSid)
        {
            return MissingCallSid();
        }

        var confidence = form.Number("Confidence") is { } value ? Math.Clamp(value, 0, 1) : (double?)null;
        var input = new CallerInput(form["SpeechResult"], confidence, form["Digits"]);
        return await twiml.RespondAsync(context, callSid, receptionist, () => receptionist.ReplyAsync(callSid, input, context.RequestAborted));
    }

    /// <summary>Call progress from the carrier; may repeat and arrive out of order. Answered with 204.</summary>
    internal static async Task<IResult> StatusAsync(HttpContext context, StatusCallbackHandler handler)
    {
        var form = TwilioRequest.Of(context);
        if (form.CallSid is not { } callSid)
        {
            return MissingCallSid();
        }

        if (form["CallStatus"] is not { } status)
        {
            return Results.Text("CallStatus is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var callback = new StatusCallback(callSid, status.ToLowerInvariant(), form.Integer("SequenceNumber"), form.Date("Timestamp"), form.Integer("CallDuration"));
        await handler.HandleAsync(callback, context.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>Twilio's fallback URL: our primary webhook failed for this call.</summary>
    internal static async Task<IResult> FallbackAsync(HttpContext context, IReceptionist receptionist, TwimlResponder twiml, ILoggerFactory loggers)
    {
        var form = TwilioRequest.Of(context);
        if (form.CallSid is not { } callSid)
        {
            return MissingCallSid();
        }

        loggers.CreateLogger(typeof(TwilioVoiceApi)).LogWarning(
            "Call {CallSid}: carrier fallback, error {ErrorCode} at {ErrorUrl}", callSid, form["ErrorCode"], form["ErrorUrl"]);
        return await twiml.RespondAsync(context, callSid, receptionist, () => receptionist.RecoverAsync(callSid, form["ErrorCode"], context.RequestAborted));
    }

    /// <summary>A transfer (Dial) ended: completed, or the caller comes back to the assistant.</summary>
    internal static async Task<IResult> DialResultAsync(HttpContext context, IReceptionist receptionist, TwimlResponder twiml)
    {
        var form = TwilioRequest.Of(context);
        if (form.CallSid is not { } callSid)
        {
            return MissingCallSid();
        }

        var dialStatus = (form["DialCallStatus"] ?? "failed").ToLowerInvariant();
        return await twiml.RespondAsync(context, callSid, receptionist, () => receptionist.TransferEndedAsync(callSid, dialStatus, context.RequestAborted));
    }

    /// <summary>The callee of a call we placed picked up (the TwiML Url of outbound calls).</summary>
    internal static async Task<IResult> OutboundAsync(HttpContext context, IReceptionist receptionist, TwimlResponder twiml)
    {
        var form = TwilioRequest.Of(context);
        if (form.CallSid is not { } callSid)
        {
            return MissingCallSid();
        }

        return await twiml.RespondAsync(context, callSid, receptionist, () => receptionist.ConnectOutboundAsync(callSid, context.RequestAborted));
    }

    /// <summary>What a caller on hold hears; Twilio requests it again each time it ends.</summary>
    internal static async Task<IResult> WaitAsync(HttpContext context, IDbContextFactory<CallFlowDb> dbFactory, TwimlResponder twiml)
    {
        var form = TwilioRequest.Of(context);
        if (form.CallSid is not { } callSid)
        {
            return MissingCallSid();
        }

        await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
        var speaker = await db.Calls.AsNoTracking()
            .Where(c => c.CallSid == callSid)
            .Select(c => new VoiceSettings(c.Business!.Voice, c.Business.FallbackVoice, c.Business.Language))
            .FirstOrDefaultAsync(context.RequestAborted);
        var position = form.Integer("QueuePosition");
        var message = position is > 1
            ? string.Create(CultureInfo.InvariantCulture, $"Thanks for holding. You are number {position} in line; someone will be with you shortly.")
            : "Thanks for holding. Someone will be with you shortly.";
        return twiml.HoldMusic(message, speaker);
    }

    private static IResult MissingCallSid() => Results.Text("CallSid is required.", statusCode: StatusCodes.Status400BadRequest);
}
