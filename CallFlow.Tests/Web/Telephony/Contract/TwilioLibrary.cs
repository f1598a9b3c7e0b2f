using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallFlow.Web.Hosting;

namespace CallFlow.Tests.Web.Telephony.Contract;

/// <summary>
/// Twilio's official Node helper library (the <c>twilio</c> npm package, pinned by package-lock.json in this folder),
/// run through node. Installed with <c>npm ci</c> on first use. Without node and npm the contract tests skip locally
/// and fail in CI (CI=true), where a skipped contract would hide drift.
/// </summary>
public static class TwilioLibrary
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static string? _installProblem;
    private static bool _installed;

    public static string Folder { get; } = Path.Combine(
        RootConfiguration.FindSettingsDirectory(AppContext.BaseDirectory), "CallFlow.Tests", "Web", "Telephony", "Contract");

    public sealed record Case(string Url, IReadOnlyDictionary<string, string>? Params, string? Signature, string? Body = null);

    public sealed record Verdict(string Expected, string? BodyHash, bool Accepts);

    /// <summary>Makes sure node and the library are there, or skips (locally) / fails (CI) the calling test.</summary>
    public static async Task EnsureAvailableAsync()
    {
        await InstallGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_installed && _installProblem is null)
            {
                _installProblem = await InstallAsync();
                _installed = _installProblem is null;
            }
        }
        finally
        {
            InstallGate.Release();
        }

        if (_installProblem is { } problem)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"The Twilio contract cannot run in CI: {problem}");
            }

            Assert.Skip($"The Twilio contract needs node and npm: {problem}");
        }
    }

    public static async Task<IReadOnlyList<Verdict>> AskAsync(string authToken, IReadOnlyList<Case> cases)
    {
        var input = new JsonObject
        {
            ["authToken"] = authToken,
            ["cases"] = new JsonArray([.. cases.Select(c => new JsonObject
            {
                ["url"] = c.Url,
                ["params"] = c.Params is null ? null : new JsonObject(c.Params.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["signature"] = c.Signature,
                ["body"] = c.Body,
            })]),
        };
        var (exit, output, error) = await RunAsync("node", ["twilio-oracle.js"], input.ToJsonString());
        if (exit != 0)
        {
            throw new InvalidOperationException($"node twilio-oracle.js failed ({exit}): {error}");
        }

        return JsonSerializer.Deserialize<List<Verdict>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static async Task<string?> InstallAsync()
    {
        if (Find("node") is null)
        {
            return "node is not on the PATH";
        }

        if (File.Exists(Path.Combine(Folder, "node_modules", "twilio", "package.json")))
        {
            return null;
        }

        if (Find("npm") is null)
        {
            return "npm is not on the PATH";
        }

        var (exit, _, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], null);
        return exit == 0 ? null : $"npm ci failed ({exit}): {error}";
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, program), Path.Combine(dir, program + ".cmd"), Path.Combine(dir, program + ".exe") })
            .FirstOrDefault(File.Exists);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(Find(program) ?? program)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
