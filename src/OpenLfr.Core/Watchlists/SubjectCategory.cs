namespace OpenLfr.Core.Watchlists;

/// <summary>
/// The closed list of who may be on a watchlist (College of Policing APP on LFR, 2022; Bridges 2020
/// required closed, specific categories). Nothing outside this list can be enrolled.
/// </summary>
public enum SubjectCategory
{
    /// <summary>Wanted by the courts.</summary>
    WantedByCourts,
    /// <summary>Suspected of an offence, or reasonably believed about to commit one.</summary>
    SuspectedOfOffence,
    /// <summary>Subject to bail or court conditions.</summary>
    BailOrCourtConditions,
    /// <summary>Missing person at increased risk of harm.</summary>
    MissingPersonAtRisk,
    /// <summary>At risk of harm to self or others.</summary>
    RiskOfHarm,
    /// <summary>Associate, witness or victim: only with a recorded justification.</summary>
    AssociateWitnessOrVictim,
}
