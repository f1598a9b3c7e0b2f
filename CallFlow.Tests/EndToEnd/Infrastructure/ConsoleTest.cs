using CallFlow.Tests.EndToEnd.Pages;
using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Base of the browser tests: a fresh server (own database) and a fresh browser context per test, on the
/// collection's one Chromium. Tests start from <see cref="SignInPage"/> and move through the page objects.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class ConsoleTest(ChromiumFixture chromium) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private ConsoleServer? _server;

    protected ConsoleServer Server => _server ?? throw new InvalidOperationException("The test has not started.");

    protected IPage Page { get; private set; } = default!;

    protected SignInPage SignIn => new(Page);

    public async ValueTask InitializeAsync()
    {
        chromium.EnsureAvailable();
        _server = ConsoleServer.Start();
        _context = await chromium.NewContextAsync(_server.BaseAddress);
        Page = await _context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            if (TestContext.Current.TestState?.Result == TestResult.Failed)
            {
                // What the browser showed when the test failed, next to the other screenshots.
                await Screenshots.SaveAsync(Page, "failed-" + TestContext.Current.Test?.TestDisplayName.Split('.')[^1]);
            }

            await _context.CloseAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
