using Microsoft.Extensions.Options;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Policy;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.Auth;

namespace OpenLfr.Server.Watchlists;

public static class WatchlistEndpoints
{
    /// <summary>Most files in one enrolment upload.</summary>
    public const int MaxFilesPerUpload = 20;

    public static void MapWatchlistEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/watchlists").WithTags("Watchlists");

        group.MapGet("/", (WatchlistService watchlists, CancellationToken ct) => watchlists.ListAsync(ct))
            .RequireRoles(Roles.WatchlistManager, Roles.AuthorisingOfficer, Roles.Auditor).WithSummary("All watchlists with their sizes.");

        group.MapPost("/", async (CreateWatchlistRequest request, HttpContext http, WatchlistService watchlists, CancellationToken ct) =>
        {
            var watchlist = await watchlists.CreateAsync(http.User.ToActor(), request, ct);
            return Results.Created($"/api/watchlists/{watchlist.Id}", watchlist);
        }).RequireRoles(Roles.WatchlistManager).WithSummary("Create a watchlist with its intelligence case.");

        group.MapGet("/{id:guid}", (Guid id, HttpContext http, WatchlistService watchlists, CancellationToken ct) => watchlists.GetAsync(http.User.ToActor(), id, ct))
            .RequireRoles(Roles.WatchlistManager, Roles.AuthorisingOfficer, Roles.Auditor).WithSummary("A watchlist with its subjects and image metadata (the view is audited).");

        group.MapPost("/{id:guid}/subjects", async (Guid id, AddSubjectRequest request, HttpContext http, WatchlistService watchlists, CancellationToken ct) =>
        {
            var subject = await watchlists.AddSubjectAsync(http.User.ToActor(), id, request, ct);
            return Results.Created($"/api/watchlists/{id}/subjects/{subject.Id}", subject);
        }).RequireRoles(Roles.WatchlistManager).WithSummary("Add a subject: category from the closed list, review date, date of birth (under-18s need an override reason).");

        group.MapPost("/{id:guid}/subjects/{subjectId:guid}/images", EnrolAsync)
            .RequireRoles(Roles.WatchlistManager)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Enrol images (multipart: files, legalBasis, source, dateTaken). Returns per-image accept/reject with reasons and any likely duplicate subject.");

        app.MapGet("/api/watchlist-images/{imageId:guid}", async (Guid imageId, HttpContext http, WatchlistService watchlists, CancellationToken ct) =>
        {
            var image = await watchlists.GetImageAsync(http.User.ToActor(), imageId, ct);
            return Results.File(image.Data, image.ContentType);
        }).WithTags("Watchlists").RequireRoles(Roles.WatchlistManager, Roles.AuthorisingOfficer, Roles.Operator)
          .WithSummary("A watchlist image (decrypted); every view is audited.");
    }

    private static async Task<IResult> EnrolAsync(Guid id, Guid subjectId, HttpContext http, WatchlistService watchlists, IOptions<PolicyOptions> policy, CancellationToken ct)
    {
        var limit = policy.Value.MaxImageBytes * MaxFilesPerUpload + 1024 * 1024;
        if (http.Request.ContentLength > limit)
            throw new DomainException(DomainErrorKind.PayloadTooLarge, "Upload too large.", $"The upload is {http.Request.ContentLength} bytes; at most {MaxFilesPerUpload} images of {policy.Value.MaxImageBytes} bytes each are accepted.");
        if (!http.Request.HasFormContentType)
            throw DomainException.Validation("files", "Send multipart/form-data with one or more 'files' parts and the fields legalBasis, source and dateTaken (yyyy-MM-dd).");
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.Count > MaxFilesPerUpload)
            throw DomainException.Validation("files", $"At most {MaxFilesPerUpload} files per upload.");
        DateOnly? dateTaken = null;
        if (form.TryGetValue("dateTaken", out var rawDate) && !string.IsNullOrWhiteSpace(rawDate))
        {
            if (!DateOnly.TryParseExact(rawDate.ToString(), "yyyy-MM-dd", out var parsed))
                throw DomainException.Validation("dateTaken", $"dateTaken '{rawDate}' is not a date in the form yyyy-MM-dd.");
            dateTaken = parsed;
        }
        var images = new List<UploadedImage>();
        foreach (var file in form.Files)
        {
            if (file.Length > policy.Value.MaxImageBytes)
                throw new DomainException(DomainErrorKind.PayloadTooLarge, "Image too large.", $"{file.FileName} is {file.Length} bytes; the limit is {policy.Value.MaxImageBytes} bytes per image.");
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            images.Add(new UploadedImage(Path.GetFileName(file.FileName), buffer.ToArray()));
        }
        var provenance = new ImageProvenance(form["legalBasis"].ToString(), form["source"].ToString(), dateTaken);
        return Results.Ok(await watchlists.EnrolAsync(http.User.ToActor(), id, subjectId, provenance, images, ct));
    }
}
