using MtaSts.Server.Hosting;

// mtasts serve, run on its own: the same server as the command `mtasts serve`.
var app = await MtaStsServer.BuildAsync(args);
await app.RunAsync();
