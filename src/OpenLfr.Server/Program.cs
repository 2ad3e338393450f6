using OpenLfr.Server.Hosting;

// The server on its own (`dotnet OpenLfr.Server.dll`); `lfr serve` runs the same composition.
var app = LfrServerHost.Build(args);
await app.RunAsync();
