using Credstack.Cli;

// The credstack command: each subcommand lives in Commands/ and builds its own Command.
var root = CredstackCommand.Create();
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
