using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Infrastructure;

/// <summary>
/// One headless Chromium for the whole browser collection (Playwright drives the system's Chromium: its own
/// browser download is not available here), and a fresh context per test. Without a Chromium the tests are skipped
/// on a developer's machine and fail in CI (<c>CI=true</c>), where <c>.ci/run</c> installs it.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Points at a Chromium other than <see cref="DefaultPath"/>.</summary>
    public const string PathVariable = "CALLFLOW_CHROMIUM";

    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            _missing = $"No Chromium at {path}: install it (apt-get install chromium) or set {PathVariable}.";
            return;
        }

        // Expectations poll the live page; a Blazor circuit answers in milliseconds, so a few seconds is plenty.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    /// <summary>Skips the calling test when there is no Chromium (fails it in CI). Call it before any costly setup.</summary>
    public void EnsureAvailable()
    {
        if (_browser is not null)
        {
            return;
        }

        var reason = _missing ?? "Chromium did not start.";
        if (InCi)
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>A new browser context (own cookies, own storage) on the console at <paramref name="baseAddress"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        EnsureAvailable();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Browser tests share one Chromium and run one after another (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
