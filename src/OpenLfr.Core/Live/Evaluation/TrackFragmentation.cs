namespace OpenLfr.Core.Live.Evaluation;

/// <summary>
/// How well tracks follow people, against ground truth: for each person detected, the distinct tracks their face was
/// in and the share of their tracked frames in their main track.
/// </summary>
/// <param name="People">People with at least one tracked face.</param>
/// <param name="SingleTrack">People followed by exactly one track.</param>
/// <param name="TracksPerPerson">Mean distinct tracks per person.</param>
/// <param name="MainTrackShare">Mean share of a person's tracked frames in their most frequent track.</param>
/// <param name="SharedTracks">Tracks that were on two or more people (identity switches).</param>
public sealed record TrackFragmentation(int People, int SingleTrack, double TracksPerPerson, double MainTrackShare, int SharedTracks);
