namespace OpenLfr.Server;

/// <summary>A public type of the server assembly, for <c>WebApplicationFactory&lt;ServerEntryPoint&gt;</c> in tests.</summary>
public sealed class ServerEntryPoint
{
    private ServerEntryPoint()
    {
    }
}
