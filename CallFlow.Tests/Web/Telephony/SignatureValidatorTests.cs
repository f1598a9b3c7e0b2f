using System.Text;
using CallFlow.Web.Telephony;

namespace CallFlow.Tests.Web.Telephony;

/// <summary>The official vectors (twilio-csharp's RequestValidatorTest), from docs/twilio-protocol.md.</summary>
public class SignatureValidatorTests
{
    private const string Token = "12345";

    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    public static TheoryData<string, string, bool, string> Vectors => new()
    {
        { "https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true, "as given" },
        { "https://mycompany.com/myapp.php?foo=1&bar=2", "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=", false, "wrong signature" },
        { "https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=", true, "host case kept" },
        { "https://MyCompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false, "host case matters" },
        { "https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=", true, "explicit port" },
        { "http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=", true, "http" },
        { "http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=", true, "user info" },
        { "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true, "signed without the port" },
        { "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=", true, "signed as given" },
        { "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", true, "http with a port" },
        { "https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=", true, "signed with :443" },
        { "http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=", true, "signed with :80" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Official_signature_vectors_validate_as_Twilio_says(string url, string signature, bool valid, string why)
    {
        SignatureValidator.IsValid(Token, signature, url, Parameters).ShouldBe(valid, why);
    }

    [Fact]
    public void The_signature_of_the_vector_request_is_computed_exactly()
    {
        SignatureValidator.Compute(Token, "https://mycompany.com/myapp.php?foo=1&bar=2", Parameters).ShouldBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    [Fact]
    public void The_body_hash_vector_hashes_and_signs_as_Twilio_says()
    {
        var body = Encoding.UTF8.GetBytes("{\"property\": \"value\", \"boolean\": true}");
        const string hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        var url = $"https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256={hash}";

        SignatureValidator.BodyHash(body).ShouldBe(hash);
        SignatureValidator.BodyHashOf(url).ShouldBe(hash);
        SignatureValidator.IsValidWithBody(Token, "a9nBmqA0ju/hNViExpshrM61xv4=", url, body).ShouldBeTrue();
    }

    [Fact]
    public void A_body_that_does_not_match_its_hash_is_refused_even_with_a_good_signature()
    {
        const string hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        var url = $"https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256={hash}";

        SignatureValidator.IsValidWithBody(Token, "a9nBmqA0ju/hNViExpshrM61xv4=", url, Encoding.UTF8.GetBytes("{\"property\": \"other\"}")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_signature_is_never_valid(string? signature)
    {
        SignatureValidator.IsValid(Token, signature, "https://mycompany.com/myapp.php?foo=1&bar=2", Parameters).ShouldBeFalse();
    }

    [Fact]
    public void Parameter_names_sort_by_ordinal_so_CallSid_comes_before_Caller()
    {
        var reversed = Parameters.Reverse().ToDictionary();

        SignatureValidator.Compute(Token, "https://mycompany.com/myapp.php?foo=1&bar=2", reversed).ShouldBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    [Fact]
    public void A_repeated_field_is_signed_once_per_distinct_value_in_order()
    {
        var repeated = new[] { KeyValuePair.Create("Event", new[] { "ringing", "answered", "ringing" }) };
        var flat = new Dictionary<string, string> { ["Event"] = "answered" };

        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(
            Encoding.UTF8.GetBytes(Token), Encoding.UTF8.GetBytes("https://x.test/sEventansweredEventringing")));

        SignatureValidator.Compute(Token, "https://x.test/s", repeated).ShouldBe(expected);
        SignatureValidator.Compute(Token, "https://x.test/s", flat).ShouldNotBe(expected);
    }

    public static TheoryData<string, string, string> Ports => new()
    {
        { "https://mycompany.com/a?b=1", "https://mycompany.com/a?b=1", "https://mycompany.com:443/a?b=1" },
        { "http://mycompany.com/a", "http://mycompany.com/a", "http://mycompany.com:80/a" },
        { "https://MyCompany.com:1234/a", "https://MyCompany.com/a", "https://MyCompany.com:1234/a" },
        { "http://user:pass@host.test:8080/a:b", "http://user:pass@host.test/a:b", "http://user:pass@host.test:8080/a:b" },
        { "http://[::1]:5080/twilio", "http://[::1]/twilio", "http://[::1]:5080/twilio" },
        { "https://host.test?x=1", "https://host.test?x=1", "https://host.test:443?x=1" },
    };

    [Theory]
    [MemberData(nameof(Ports))]
    public void Port_variants_change_only_the_port(string url, string withoutPort, string withPort)
    {
        SignatureValidator.WithoutPort(url).ShouldBe(withoutPort);
        SignatureValidator.WithPort(url).ShouldBe(withPort);
    }
}
