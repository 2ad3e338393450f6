using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.OperatorConsole;

namespace OpenLfr.Server.Pages.Watchlists;

[Authorize(Policy = ConsolePolicies.ViewWatchlists)]
public sealed class WatchlistsIndexModel(WatchlistService watchlists) : ConsolePageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? IntelligenceCase { get; set; }
    public IReadOnlyList<WatchlistSummary> Watchlists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Watchlists = await watchlists.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Allows(ConsolePolicies.ManageWatchlists)) return Forbid();
        WatchlistView? created = null;
        if (await TryAsync(async () => created = await watchlists.CreateAsync(Actor, new CreateWatchlistRequest(Name, IntelligenceCase), ct)))
            return Redirect($"/watchlists/{created!.Id}");
        Watchlists = await watchlists.ListAsync(ct);
        return Page();
    }
}
