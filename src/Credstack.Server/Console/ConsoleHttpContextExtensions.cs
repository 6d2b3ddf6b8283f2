namespace Credstack.Server.Console;

/// <summary><c>HttpContext.Console()</c>: the <see cref="ConsoleContext"/> of a page under <c>/console/{orgId}</c>.</summary>
internal static class ConsoleHttpContextExtensions
{
    public static ConsoleContext Console(this HttpContext http) =>
        http.Features.Get<ConsoleContext>()
        ?? throw new InvalidOperationException("ConsoleContext was not resolved: the page's route has no {orgId}, so ConsoleAccessFilter did not run.");
}
