using System.ComponentModel.DataAnnotations;

namespace CallFlow.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
}

/// <summary>Which database CallFlow uses. The connection string is <c>ConnectionStrings:CallFlow</c>.</summary>
public sealed record DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; init; } = "Data Source=data/callflow.db";
}
