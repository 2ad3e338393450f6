using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Enrolment;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Security;

namespace OpenLfr.Core.Watchlists;

/// <summary>A decrypted watchlist template for the live matcher (kept in memory only).</summary>
public sealed record WatchlistTemplate(Guid SubjectId, Guid SubjectImageId, string Reference, FaceTemplate Template);

/// <summary>Loads a deployment's watchlist templates for the camera workers.</summary>
public sealed class WatchlistTemplateSource(LfrDbContext db, BiometricProtector protector)
{
    public async Task<IReadOnlyList<WatchlistTemplate>> LoadAsync(Guid watchlistId, CancellationToken ct = default)
    {
        var rows = await db.SubjectImages.AsNoTracking()
            .Where(i => i.Subject!.WatchlistId == watchlistId && i.EncryptedTemplate != null)
            .Select(i => new { i.Id, i.SubjectId, i.Subject!.Reference, i.EmbedderId, i.EmbedderVersion, i.EncryptedTemplate })
            .ToListAsync(ct);
        return rows.Select(r => new WatchlistTemplate(r.SubjectId, r.Id, r.Reference,
            new FaceTemplate(r.EmbedderId, r.EmbedderVersion, protector.UnprotectVector(r.EncryptedTemplate!, SubjectImage.TemplateAad(r.Id))))).ToList();
    }
}
