namespace OpenLfr.Core.Evaluation.Protocol;

/// <summary>Whether a mated probe could be searched at all.</summary>
public enum MatedSearchStatus
{
    /// <summary>Face found and its identity enrolled: decided by the scores.</summary>
    Searched,

    /// <summary>No face found in the probe: a miss at every threshold.</summary>
    ProbeNotDetected,

    /// <summary>The identity's gallery image had no face, so it is not on the list: a miss at every threshold.</summary>
    NotEnrolled,
}
