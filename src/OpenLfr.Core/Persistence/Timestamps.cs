namespace OpenLfr.Core.Persistence;

/// <summary>
/// Times are stored in UTC with microsecond precision (PostgreSQL's), so a value read back equals the
/// value written on both databases; audit hashes depend on that.
/// </summary>
public static class Timestamps
{
    public static DateTime Now(TimeProvider clock) => Truncate(clock.GetUtcNow().UtcDateTime);

    public static DateTime Truncate(DateTime t)
    {
        var utc = t.Kind == DateTimeKind.Utc ? t : t.ToUniversalTime();
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }
}
