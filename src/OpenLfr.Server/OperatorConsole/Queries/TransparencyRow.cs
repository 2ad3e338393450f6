namespace OpenLfr.Server.OperatorConsole.Queries;

/// <summary>One completed deployment as published (the Met's columns). Times are UTC.</summary>
public sealed record TransparencyRow(
    Guid Id, DateOnly Date, string Place, DateTime StartedUtc, DateTime EndedUtc, double DurationHours,
    int WatchlistSize, long FacesSeen, int Alerts, int TrueAlerts, int FalseAlerts, int Engagements, int Arrests,
    string FalseAlertRate, bool Reviewed);
