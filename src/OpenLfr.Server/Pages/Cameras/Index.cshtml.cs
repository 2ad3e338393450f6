using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Cameras;
using OpenLfr.Server.OperatorConsole;

namespace OpenLfr.Server.Pages.Cameras;

[Authorize(Policy = ConsolePolicies.ManageCameras)]
public sealed class CamerasIndexModel(CameraService cameras) : ConsolePageModel
{
    public IReadOnlyList<CameraView> Cameras { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cameras = await cameras.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? name, string? source, string? description, CancellationToken ct)
    {
        if (await TryAsync(() => cameras.CreateAsync(Actor, new CreateCameraRequest(name, source, description), ct)))
        {
            TempData["Message"] = $"Camera {name} registered.";
            return Redirect("/cameras");
        }
        Cameras = await cameras.ListAsync(ct);
        return Page();
    }
}
