using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CallFlow.Bench;

/// <summary>
/// What Kestrel itself can do on this machine: a POST endpoint ahead of the app's pipeline that reads the form body
/// and answers a fixed TwiML document. Mapped only in the benchmark's app; the harness drives it exactly like the
/// webhooks (same client, same signed forms, same concurrency), so the app's latency reads as a multiple of it.
/// </summary>
public sealed class BaselineEndpoint : IStartupFilter
{
    public const string Path = "/bench/baseline";

    public const string Twiml =
        """<?xml version="1.0" encoding="utf-8"?><Response><Gather input="speech dtmf" action="/bench/baseline" method="POST" actionOnEmptyResult="true" speechTimeout="auto"><Say voice="Polly.Joanna">What day would you like to come in?</Say></Gather></Response>""";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(Twiml);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, then) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != Path)
            {
                await then(context);
                return;
            }

            await context.Request.ReadFormAsync(context.RequestAborted);
            context.Response.ContentType = "text/xml; charset=utf-8";
            context.Response.ContentLength = Body.Length;
            await context.Response.Body.WriteAsync(Body, context.RequestAborted);
        });
        next(app);
    };
}
