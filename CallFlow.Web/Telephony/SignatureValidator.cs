using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace CallFlow.Web.Telephony;

/// <summary>
/// Twilio's request signature (X-Twilio-Signature): HMAC-SHA1, keyed with the auth token, over the URL Twilio
/// requested followed by every form parameter (name then value, names in ordinal order), Base64-encoded.
/// Mirrors the official helper libraries, including their port quirk and the body hash of JSON requests.
/// </summary>
public static class SignatureValidator
{
    public const string Header = "X-Twilio-Signature";
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>The signature Twilio would send for <paramref name="url"/> and <paramref name="parameters"/>.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string[]>> parameters) =>
        Compute(authToken, url, parameters.Select(p => KeyValuePair.Create(p.Key, new StringValues(p.Value))));

    /// <summary>The signature for single-valued parameters (what Twilio posts to voice webhooks).</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Compute(authToken, url, parameters.Select(p => KeyValuePair.Create(p.Key, new StringValues(p.Value))));

    /// <summary>The signature for a parsed form, as the webhook filter holds it.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, StringValues>> parameters) =>
        Sign(Encoding.UTF8.GetBytes(authToken), url, SignedParameters(parameters));

    /// <summary>
    /// Whether <paramref name="signature"/> is Twilio's for this request. Twilio has signed some callbacks with the
    /// default port and some without, so the URL is tried without its port and with its port (the default one added
    /// when none is given), like the official validators. Comparisons take constant time.
    /// </summary>
    public static bool IsValid(string authToken, string? signature, string url, IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        // The parameters are signed the same way after either URL: encode them once.
        var key = Encoding.UTF8.GetBytes(authToken);
        var signed = SignedParameters(parameters);
        var withoutPort = Matches(signature, Sign(key, WithoutPort(url), signed));
        var withPort = Matches(signature, Sign(key, WithPort(url), signed));
        return withoutPort | withPort;
    }

    public static bool IsValid(string authToken, string? signature, string url, IEnumerable<KeyValuePair<string, string[]>> parameters) =>
        IsValid(authToken, signature, url, parameters.Select(p => KeyValuePair.Create(p.Key, new StringValues(p.Value))));

    public static bool IsValid(string authToken, string? signature, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        IsValid(authToken, signature, url, parameters.Select(p => KeyValuePair.Create(p.Key, new StringValues(p.Value))));

    /// <summary>Every parameter as it is signed, UTF-8: name then value, names in ordinal order.</summary>
    private static byte[] SignedParameters(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var data = new StringBuilder(512);
        foreach (var (name, values) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (values.Count == 1)
            {
                data.Append(name).Append(values[0]);
                continue;
            }

            // Repeated fields (StatusCallbackEvent) are signed once per distinct value, values in order, as twilio-node does.
            foreach (var value in values.Select(v => v ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(name).Append(value);
            }
        }

        return Encoding.UTF8.GetBytes(data.ToString());
    }

    /// <summary>HMAC-SHA1 of the URL followed by the signed parameters, Base64.</summary>
    private static string Sign(byte[] key, string url, byte[] signedParameters)
    {
        var length = Encoding.UTF8.GetByteCount(url) + signedParameters.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(url, rented);
            signedParameters.CopyTo(rented.AsSpan(written));
            Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
            HMACSHA1.HashData(key, rented.AsSpan(0, length), hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// A JSON request: the signature covers the URL alone (its query carries <c>bodySHA256</c>), and that hash must
    /// be the SHA-256 of the raw body.
    /// </summary>
    public static bool IsValidWithBody(string authToken, string? signature, string url, ReadOnlySpan<byte> body)
    {
        var signed = IsValid(authToken, signature, url, Array.Empty<KeyValuePair<string, StringValues>>());
        var expected = BodyHashOf(url);
        var hashed = expected is not null && Matches(expected, BodyHash(body));
        return signed & hashed;
    }

    /// <summary>The lowercase hex SHA-256 of a body, as Twilio puts it in the <c>bodySHA256</c> query parameter.</summary>
    public static string BodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The <c>bodySHA256</c> value in a URL's query, if any.</summary>
    public static string? BodyHashOf(string url)
    {
        var query = url.IndexOf('?');
        if (query < 0)
        {
            return null;
        }

        var fragment = url.IndexOf('#', query);
        var queryString = fragment < 0 ? url[query..] : url[query..fragment];
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString).TryGetValue(BodyHashParameter, out var value)
            ? value.ToString()
            : null;
    }

    /// <summary>The URL with any explicit port removed (host case, user info, path and query kept as they are).</summary>
    public static string WithoutPort(string url) =>
        Split(url) is { } parts ? parts.Scheme + parts.UserInfo + parts.Host + parts.Rest : url;

    /// <summary>The URL with its port, the scheme's default (:443, :80) added when it has none.</summary>
    public static string WithPort(string url)
    {
        if (Split(url) is not { Port: "" } parts)
        {
            return url;
        }

        var port = parts.Scheme.Equals("https://", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
        return parts.Scheme + parts.UserInfo + parts.Host + port + parts.Rest;
    }

    private static bool Matches(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));

    private sealed record UrlParts(string Scheme, string UserInfo, string Host, string Port, string Rest);

    // String surgery rather than System.Uri, which would lower-case the host and re-encode the path and query:
    // the signature is over the exact characters Twilio requested.
    private static UrlParts? Split(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        var hostAndPort = authority[(at + 1)..];
        var colon = hostAndPort.IndexOf(':', hostAndPort.LastIndexOf(']') + 1);
        return new UrlParts(
            url[..authorityStart],
            authority[..(at + 1)],
            colon < 0 ? hostAndPort : hostAndPort[..colon],
            colon < 0 ? "" : hostAndPort[colon..],
            url[authorityEnd..]);
    }
}
