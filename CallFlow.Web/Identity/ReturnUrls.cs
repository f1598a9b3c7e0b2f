namespace CallFlow.Web.Identity;

/// <summary>Where to go after signing in: only paths on this site, so a link cannot bounce a user to another site.</summary>
public static class ReturnUrls
{
    public const string Home = "/";

    /// <summary>The url when it is a local path ("/calls/history?page=2"), otherwise the console's home.</summary>
    public static string Local(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return Home;
        }

        // "//host" and "/\host" are read by browsers as another site.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return Home;
        }

        return url.Any(char.IsControl) ? Home : url;
    }
}
