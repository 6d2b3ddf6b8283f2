// W3C Bitstring Status List v1.0, §2.1: statusPurpose is a case-sensitive string.
using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Status;

internal static class StatusPurposeText
{
    public static string Format(StatusPurpose purpose) => purpose switch
    {
        StatusPurpose.Revocation => "revocation",
        StatusPurpose.Suspension => "suspension",
        StatusPurpose.Refresh => "refresh",
        StatusPurpose.Message => "message",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown status purpose."),
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out StatusPurpose? purpose)
    {
        purpose = text switch
        {
            "revocation" => StatusPurpose.Revocation,
            "suspension" => StatusPurpose.Suspension,
            "refresh" => StatusPurpose.Refresh,
            "message" => StatusPurpose.Message,
            _ => null,
        };
        return purpose is not null;
    }
}
