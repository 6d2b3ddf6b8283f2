// W3C Bitstring Status List v1.0, §2.1: statusPurpose is a case-sensitive string.
using Credstack.Credentials.Status;

namespace Credstack.Cli.Commands.Status;

/// <summary>The spelling of a <see cref="StatusPurpose"/> on the command line and in state files.</summary>
internal static class StatusPurposeName
{
    public static string Format(StatusPurpose purpose) => purpose switch
    {
        StatusPurpose.Revocation => "revocation",
        StatusPurpose.Suspension => "suspension",
        StatusPurpose.Refresh => "refresh",
        _ => "message",
    };

    public static bool TryParse(string? text, out StatusPurpose purpose)
    {
        StatusPurpose? parsed = text switch
        {
            "revocation" => StatusPurpose.Revocation,
            "suspension" => StatusPurpose.Suspension,
            "refresh" => StatusPurpose.Refresh,
            "message" => StatusPurpose.Message,
            _ => null,
        };
        purpose = parsed ?? default;
        return parsed is not null;
    }
}
