using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Credstack.Cli.Commands.Server;

/// <summary>
/// <c>credstack serve</c>: runs the Credstack server, the same host as <c>dotnet run --project src/Credstack.Server</c>.
/// Further arguments go to the server's configuration (<c>--urls http://0.0.0.0:8080</c>, <c>--Credstack:Storage:Provider postgres</c>).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Seed demonstration organizations, accounts and credentials into an empty database." };
        var command = new Command("serve", "Run the Credstack server (default http://localhost:5080, SQLite at ./data/credstack.db).") { demo };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string[] args = [.. parseResult.UnmatchedTokens, .. parseResult.GetValue(demo) ? ["--demo"] : Array.Empty<string>()];
            var app = Credstack.Server.Program.Build(args);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
