using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Security;
using OpenLfr.Vision.Embedding;

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
        return rows.Select(r => new WatchlistTemplate(r.SubjectId, r.Id, r.Reference, Decrypt(r.EmbedderId, r.EmbedderVersion, r.EncryptedTemplate!, r.Id))).ToList();
    }

    private FaceTemplate Decrypt(string embedderId, string embedderVersion, byte[] encrypted, Guid imageId)
    {
        var vector = protector.UnprotectVector(encrypted, SubjectImage.TemplateAad(imageId));
        // The template keeps its own copy; the camera worker clears that one when it has built its gallery.
        try { return new FaceTemplate(embedderId, embedderVersion, vector); }
        finally { Array.Clear(vector); }
    }
}
