namespace Credstack.Server.Hosting;

/// <summary>One step of the demo seed: a name for the log and the work, run in a service scope of its own.</summary>
internal sealed record DemoSeedStep(string Name, Func<DemoSeedContext, CancellationToken, Task> RunAsync);
