using OpenLfr.Core;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole.Watchlists;

/// <summary>
/// Enrols a batch of dropped files: each file is matched to a subject by its name (<c>REF.jpg</c> or
/// <c>REF_2.jpg</c>), then each subject's files go through <see cref="WatchlistService.EnrolAsync"/>, which
/// runs the quality gate and the duplicate check. Files that match no subject are reported, not stored.
/// </summary>
public sealed class BulkEnrolment(WatchlistService watchlists, ConsoleQueries queries)
{
    public async Task<BulkEnrolmentResult> EnrolAsync(Actor actor, Guid watchlistId, ImageProvenance provenance, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        if (files.Count == 0) throw DomainException.Validation("files", "No image files were uploaded.");
        var subjects = await queries.SubjectReferencesAsync(watchlistId, ct);
        var verdicts = new List<FileVerdict>();
        var duplicates = new List<DuplicateWarning>();
        var groups = new Dictionary<(Guid Id, string Reference), List<IFormFile>>();
        foreach (var f in files)
        {
            var subject = Match(f.FileName, subjects);
            if (subject is null)
                verdicts.Add(new FileVerdict(f.FileName, null, false, null, [$"No subject on this watchlist has the reference '{Path.GetFileNameWithoutExtension(f.FileName)}'; name the file by the subject's reference (e.g. W123.jpg)."]));
            else
                (groups.TryGetValue(subject.Value, out var list) ? list : groups[subject.Value] = []).Add(f);
        }
        foreach (var ((subjectId, reference), group) in groups)
        {
            var uploads = new List<UploadedImage>(group.Count);
            foreach (var f in group)
            {
                using var buffer = new MemoryStream();
                await f.CopyToAsync(buffer, ct);
                uploads.Add(new UploadedImage(f.FileName, buffer.ToArray()));
            }
            try
            {
                var report = await watchlists.EnrolAsync(actor, watchlistId, subjectId, provenance, uploads, ct);
                verdicts.AddRange(report.Images.Select(i => new FileVerdict(i.FileName, reference, i.Accepted, i.Quality, i.Reasons)));
                if (report.PossibleDuplicate is { } d) duplicates.Add(new DuplicateWarning(reference, d.Reference, d.Score));
            }
            catch (DomainException e) when (e.Errors.Count > 0 && e.Errors.Keys.All(k => k == "files"))
            {
                // A file that is not an image fails its subject's batch; say so for each file of the batch.
                verdicts.AddRange(group.Select(f => new FileVerdict(f.FileName, reference, false, null, e.Errors["files"])));
            }
        }
        return new BulkEnrolmentResult(verdicts, duplicates);
    }

    private static (Guid Id, string Reference)? Match(string fileName, IReadOnlyDictionary<string, Guid> subjects)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).Trim();
        if (subjects.TryGetValue(stem, out var id)) return (id, Canonical(stem, subjects));
        var cut = stem.LastIndexOfAny(['_', ' ']);
        if (cut > 0 && subjects.TryGetValue(stem[..cut], out id)) return (id, Canonical(stem[..cut], subjects));
        return null;
    }

    private static string Canonical(string key, IReadOnlyDictionary<string, Guid> subjects) =>
        subjects.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
}

public sealed record BulkEnrolmentResult(IReadOnlyList<FileVerdict> Files, IReadOnlyList<DuplicateWarning> Duplicates);

/// <param name="SubjectReference">The subject the file was matched to; null when none matched.</param>
public sealed record FileVerdict(string FileName, string? SubjectReference, bool Accepted, double? Quality, IReadOnlyList<string> Reasons);

public sealed record DuplicateWarning(string SubjectReference, string LooksLike, double Score);
