using Microsoft.AspNetCore.Identity;

namespace OpenLfr.Core.Identity;

/// <summary>A person who signs in: an officer, operator, auditor or administrator.</summary>
public sealed class LfrUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Police rank, e.g. "Superintendent"; recorded on authorisations.</summary>
    public string? Rank { get; set; }
}
