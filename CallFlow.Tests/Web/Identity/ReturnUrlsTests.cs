using CallFlow.Web.Identity;

namespace CallFlow.Tests.Web.Identity;

public class ReturnUrlsTests
{
    [Theory]
    [InlineData("/calls/history", "/calls/history")]
    [InlineData("/calls/history?page=2&state=OnHold", "/calls/history?page=2&state=OnHold")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("calls/history", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/calls\r\nSet-Cookie: x=1", "/")]
    public void Only_local_paths_are_followed_after_sign_in(string? returnUrl, string expected)
    {
        ReturnUrls.Local(returnUrl).ShouldBe(expected);
    }
}
