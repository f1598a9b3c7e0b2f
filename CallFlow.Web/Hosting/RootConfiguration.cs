using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CallFlow.Web.Hosting;

/// <summary>
/// Loads the repository's root appsettings.json whether the app starts from the root
/// (<c>dotnet run --project CallFlow.Web</c>) or from its own folder, and resolves relative paths against it.
/// </summary>
public static class RootConfiguration
{
    public const string SolutionFile = "CallFlow.sln";
    public const string SettingsFile = "appsettings.json";

    /// <summary>The folder holding the root appsettings.json: the solution folder in a checkout, else the app's folder.</summary>
    public static string SettingsDirectory { get; private set; } = AppContext.BaseDirectory;

    public static WebApplicationBuilder AddRootConfiguration(this WebApplicationBuilder builder)
    {
        SettingsDirectory = FindSettingsDirectory(builder.Environment.ContentRootPath);
        var rootSettings = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(SettingsDirectory),
            Path = SettingsFile,
            Optional = true,
            ReloadOnChange = false,
        };

        // Insert just after the content root's own appsettings files, so environment variables and the
        // command line still override it as usual (Twilio__AuthToken, ConnectionStrings__CallFlow, ...).
        var sources = builder.Configuration.Sources;
        var lastJson = sources.Select((source, index) => (source, index))
            .LastOrDefault(s => s.source is JsonConfigurationSource json && json.Path?.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) == true);
        var at = lastJson.source is null ? 0 : lastJson.index + 1;
        sources.Insert(at, rootSettings);
        return builder;
    }

    /// <summary>Resolves a path from configuration: absolute paths stay, relative ones are taken from the settings folder.</summary>
    public static string ResolvePath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(SettingsDirectory, path));

    internal static string FindSettingsDirectory(params string[] starts)
    {
        foreach (var start in starts.Append(Directory.GetCurrentDirectory()).Append(AppContext.BaseDirectory))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)) && File.Exists(Path.Combine(dir.FullName, SettingsFile)))
                {
                    return dir.FullName;
                }
            }
        }

        return AppContext.BaseDirectory;
    }
}
