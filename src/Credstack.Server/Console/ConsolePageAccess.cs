namespace Credstack.Server.Console;

/// <summary>Endpoint metadata: this page goes through <see cref="ConsoleAccessFilter"/> (added by <see cref="ConsoleAccessConvention"/>).</summary>
internal sealed class ConsolePageAccess
{
    public static readonly ConsolePageAccess Instance = new();

    private ConsolePageAccess()
    {
    }
}
