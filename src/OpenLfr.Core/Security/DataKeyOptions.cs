namespace OpenLfr.Core.Security;

/// <summary>
/// Where the biometric data key comes from (configuration section <c>DataKey</c>): a key file or the
/// <c>OPENLFR_DATA_KEY</c> environment variable (base64 of 32 bytes). Never the database, so a copy of the
/// database alone does not reveal images or templates.
/// </summary>
public sealed class DataKeyOptions
{
    public const string Section = "DataKey";
    public const string EnvironmentVariable = "OPENLFR_DATA_KEY";

    /// <summary>Path of a file holding the key as base64 text (or 32 raw bytes).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The key as base64 text (bound from <c>OPENLFR_DATA_KEY</c> by the host).</summary>
    public string? Key { get; set; }
}
