namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// Settings of the camera workers (configuration section <c>CameraWorkers</c>). The database says which
/// cameras to process and against which watchlist; these say how frames are captured.
/// </summary>
public sealed class CameraWorkerOptions
{
    public const string Section = "CameraWorkers";

    /// <summary>False for a web-only node: no camera is opened by this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the database is asked which cameras to process (and faces seen are recorded).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>After a camera failed to start or its pipeline stopped with an error, wait this long before trying again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This node's name in the camera lease table; unique per process sharing the database. Default: host name,
    /// process id and a random suffix, so a restarted process is a new node (its old leases simply expire).
    /// </summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// How long a camera's lease lasts without renewal (renewed every poll). When a node dies, another takes its
    /// cameras over after at most this long; keep it several poll intervals long so a slow poll does not lose it.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Detect frame width and height (ffmpeg scales to it).</summary>
    public int Width { get; set; } = 1280;

    public int Height { get; set; } = 720;

    /// <summary>Detect frame rate.</summary>
    public double Fps { get; set; } = 10;

    /// <summary>Detector input scale (null = the detector's default); 1 is fastest and fine when faces are 40 px or more.</summary>
    public float? DetectScale { get; set; }

    /// <summary>File sources are played at their own rate, as a camera would deliver them.</summary>
    public bool FilesInRealTime { get; set; } = true;

    /// <summary>Restart ffmpeg when no frame arrived for this long.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws naming the bad setting.</summary>
    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentException($"{Section}:PollInterval must be positive (got {PollInterval}).");
        if (string.IsNullOrWhiteSpace(NodeId) || NodeId.Length > 200) throw new ArgumentException($"{Section}:NodeId must be 1..200 characters (got '{NodeId}').");
        if (LeaseDuration < 2 * PollInterval)
            throw new ArgumentException($"{Section}:LeaseDuration ({LeaseDuration}) must be at least twice {Section}:PollInterval ({PollInterval}): leases are renewed every poll, and a shorter one would pass to another node while this one still runs the camera.");
        if (RetryAfter < TimeSpan.Zero) throw new ArgumentException($"{Section}:RetryAfter must not be negative (got {RetryAfter}).");
    }
}
