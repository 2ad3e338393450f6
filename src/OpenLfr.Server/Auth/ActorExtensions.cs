using System.Security.Claims;
using OpenLfr.Core;

namespace OpenLfr.Server.Auth;

public static class ActorExtensions
{
    /// <summary>The signed-in user as the domain's <see cref="Actor"/>.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        return new Actor(id, user.Identity?.Name ?? "unknown");
    }
}
