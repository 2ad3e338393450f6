using OpenLfr.Core.Evaluation.Dataset;

namespace OpenLfr.Core.Evaluation.Protocol;

/// <summary>
/// The protocol's split of a dataset (eval-protocol.md, "Gallery and searches"): the first image of every
/// identity with at least two images is its gallery image; its other images are mated probes; the images of
/// single-image identities are extra non-mated probes.
/// </summary>
public sealed class SearchPlan
{
    private SearchPlan(IReadOnlyList<DatasetImage> gallery, IReadOnlyList<DatasetImage> mated, IReadOnlyList<DatasetImage> extraNonMated)
    {
        Gallery = gallery;
        MatedProbes = mated;
        ExtraNonMatedProbes = extraNonMated;
    }

    /// <summary>One image per gallery identity, in identity order.</summary>
    public IReadOnlyList<DatasetImage> Gallery { get; }

    public IReadOnlyList<DatasetImage> MatedProbes { get; }

    public IReadOnlyList<DatasetImage> ExtraNonMatedProbes { get; }

    /// <summary>Number of non-mated searches if every probe has a face: the extra ones plus one per mated probe.</summary>
    public int NonMatedSearchesPlanned => ExtraNonMatedProbes.Count + MatedProbes.Count;

    /// <summary>Every image the plan needs embedded: gallery, mated, extra non-mated.</summary>
    public IEnumerable<DatasetImage> AllImages => Gallery.Concat(MatedProbes).Concat(ExtraNonMatedProbes);

    public static SearchPlan From(EvaluationDataset dataset)
    {
        var gallery = new List<DatasetImage>();
        var mated = new List<DatasetImage>();
        var extra = new List<DatasetImage>();
        foreach (var identity in dataset.Identities)
        {
            if (identity.Images.Count >= 2)
            {
                gallery.Add(identity.Images[0]);
                mated.AddRange(identity.Images.Skip(1));
            }
            else
            {
                extra.AddRange(identity.Images);
            }
        }
        if (gallery.Count == 0)
            throw new EvaluationException($"Dataset '{dataset.Root}' has no identity with at least two images, so there is no gallery to search.");
        return new SearchPlan(gallery, mated, extra);
    }
}
