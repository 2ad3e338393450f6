using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Tests.OperatorConsole;

public sealed class TransparencyCsvTests
{
    private static TransparencyRow Row(string place) => new(Guid.NewGuid(), new DateOnly(2026, 3, 2), place,
        new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc), 5.5, 120, 4200, 3, 2, 1, 2, 1, "1 in 4,200 faces", true);

    [Fact]
    public void Csv_has_one_line_per_deployment_with_the_published_columns()
    {
        var lines = TransparencyQueries.ToCsv([Row("Oxford Circus")]).TrimEnd('\n').Split('\n');
        Assert.Equal("date,place,start_utc,end_utc,duration_hours,watchlist_size,faces_seen,alerts,true_alerts,false_alerts,engagements,arrests,reviewed", lines[0]);
        Assert.Equal("2026-03-02,Oxford Circus,2026-03-02T09:00:00Z,2026-03-02T14:30:00Z,5.5,120,4200,3,2,1,2,1,true", lines[1]);
    }

    [Fact]
    public void Csv_quotes_commas_and_defuses_spreadsheet_formulas()
    {
        var csv = TransparencyQueries.ToCsv([Row("Station, \"north\" exit"), Row("=HYPERLINK(\"x\")")]);
        Assert.Contains("\"Station, \"\"north\"\" exit\"", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", csv);
    }
}
