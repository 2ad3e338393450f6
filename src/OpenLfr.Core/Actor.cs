namespace OpenLfr.Core;

/// <summary>Who is acting: a signed-in user, or the system itself (background services).</summary>
/// <param name="UserId">The user's id; null for the system.</param>
/// <param name="Name">The user name, or a system component name such as <c>system:retention</c>.</param>
public sealed record Actor(Guid? UserId, string Name)
{
    public static Actor System(string component) => new(null, "system:" + component);
}
