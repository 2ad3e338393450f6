namespace OpenLfr.Server.Tests.Infrastructure;

/// <summary>The databases every storage and lifecycle test runs against.</summary>
public static class DatabaseKind
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Both => new() { Sqlite, Postgres };
}
