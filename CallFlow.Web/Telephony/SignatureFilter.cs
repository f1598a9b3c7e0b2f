using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CallFlow.Web.Telephony;

/// <summary>
/// Guards every <c>/twilio/*</c> endpoint: reads the body within a size limit, parses the form, and checks
/// X-Twilio-Signature before any handler runs. Too large or malformed → 400; missing or wrong signature → 403,
/// logged, nothing written. The validated parameters are handed to the handler as a <see cref="TwilioRequest"/>.
/// </summary>
internal sealed class SignatureFilter(IOptions<TwilioOptions> options, WebhookUrls urls, ILogger<SignatureFilter> logger) : IEndpointFilter
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var settings = options.Value;

        var body = await ReadBodyAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            logger.LogWarning("Rejected {Path}: body over {Limit} bytes", context.Request.Path, settings.MaxBodyBytes);
            return Results.Text("Request body too large.", statusCode: StatusCodes.Status400BadRequest);
        }

        var kind = KindOf(context.Request.ContentType);
        Dictionary<string, StringValues> form;
        try
        {
            form = kind == BodyKind.Form && body.Length > 0 ? ReadForm(StrictUtf8.GetString(body)) : [];
        }
        catch (Exception e) when (e is DecoderFallbackException or InvalidDataException)
        {
            logger.LogWarning("Rejected {Path}: malformed form body ({Reason})", context.Request.Path, e.Message);
            return Results.Text("Malformed form body.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (settings.ValidateSignatures)
        {
            var url = urls.RequestUrl(context.Request);
            var signature = context.Request.Headers[SignatureValidator.Header].ToString();
            var valid = kind == BodyKind.Json || SignatureValidator.BodyHashOf(url) is not null
                ? SignatureValidator.IsValidWithBody(settings.AuthToken, signature, url, body)
                : SignatureValidator.IsValid(settings.AuthToken, signature, url, form);
            if (!valid)
            {
                logger.LogWarning(
                    "Rejected {Path} from {Remote}: {Problem} X-Twilio-Signature for {Url}",
                    context.Request.Path, context.Connection.RemoteIpAddress, signature.Length == 0 ? "missing" : "invalid", url);
                return Results.Text("Missing or invalid X-Twilio-Signature.", statusCode: StatusCodes.Status403Forbidden);
            }
        }

        new TwilioRequest(form).AttachTo(context);
        return await next(invocation);
    }

    // The reader rents its buffer from the shared pool and gives it back only when disposed.
    private static Dictionary<string, StringValues> ReadForm(string body)
    {
        using var reader = new FormReader(body);
        return reader.ReadForm();
    }

    /// <summary>The whole body, or null when it is larger than <paramref name="limit"/> (without reading past it).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > limit)
            {
                return null;
            }

            // Twilio declares the length, and the server ends the body there: one array of that size.
            var body = new byte[declared];
            var filled = 0;
            int read;
            while (filled < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += read;
            }

            return filled == body.Length ? body : body[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private enum BodyKind
    {
        None,
        Form,
        Json,
    }

    private static BodyKind KindOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return BodyKind.None;
        }

        if (media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Form;
        }

        return media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? BodyKind.Json : BodyKind.None;
    }
}
