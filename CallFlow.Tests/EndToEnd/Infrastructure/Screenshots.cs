using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Keeps pictures of the console as test artifacts: <c>TestResults/screenshots/</c> under the test output folder,
/// one PNG per name (a later run overwrites it), each also attached to its test's result.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Saves the whole page as <c>{name}.png</c> and returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");

        // The page at rest and from the top: a full-page picture of a scrolled page draws the fixed app bar midway,
        // and snackbars from the test's clicks would cover what the picture is for.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Style = ".mud-snackbar { visibility: hidden !important; }",
        });
        TestContext.Current.AddAttachment(name, png, "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        return path;
    }

    /// <summary>Saves one part of the page (a settings section) as <c>{name}.png</c> and returns its path.</summary>
    public static async Task<string> SaveAsync(ILocator part, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        var png = await part.ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = path,
            Animations = ScreenshotAnimations.Disabled,
            // The fixed app bar would cover the top of a part scrolled into view.
            Style = ".mud-snackbar, .mud-appbar { visibility: hidden !important; }",
        });
        TestContext.Current.AddAttachment(name, png, "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        return path;
    }
}
