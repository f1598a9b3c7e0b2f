using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Data;
using CallFlow.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CallFlow.Tests.Web.Hosting;

public class RootConfigurationTests
{
    private static string RepositoryRoot => RootConfiguration.FindSettingsDirectory(AppContext.BaseDirectory);

    [Fact]
    public void The_root_settings_are_found_from_the_web_project_folder_and_from_the_build_output()
    {
        File.Exists(Path.Combine(RepositoryRoot, "CallFlow.sln")).ShouldBeTrue();

        RootConfiguration.FindSettingsDirectory(Path.Combine(RepositoryRoot, "CallFlow.Web")).ShouldBe(RepositoryRoot);
        RootConfiguration.FindSettingsDirectory(AppContext.BaseDirectory).ShouldBe(RepositoryRoot);
    }

    [Fact]
    public async Task The_app_reads_the_root_settings_and_lets_overrides_win()
    {
        await using var app = new CallFlowApp().With("Demo:PhoneNumber", "+15005550009");
        var configuration = app.Service<IConfiguration>();

        // From the root appsettings.json:
        configuration["Demo:CalendarFeedToken"].ShouldNotBeNullOrEmpty();
        configuration["Urls"].ShouldBe("http://localhost:5080");

        // Overrides (as environment variables would be) beat the file:
        configuration["Demo:PhoneNumber"].ShouldBe("+15005550009");
        app.Service<DatabaseOptions>().ConnectionString.ShouldContain(app.DatabasePath);
        File.Exists(app.DatabasePath).ShouldBeTrue();
    }

    [Fact]
    public void Relative_database_paths_are_resolved_against_the_settings_folder()
    {
        var connection = DataRegistration.SqliteConnectionString("Data Source=data/example.db");

        connection.ShouldContain(Path.Combine(RootConfiguration.SettingsDirectory, "data", "example.db"));
    }
}
