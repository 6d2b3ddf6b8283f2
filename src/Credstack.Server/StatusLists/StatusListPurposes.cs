using System.Diagnostics.CodeAnalysis;
using Credstack.Credentials.Status;

namespace Credstack.Server.StatusLists;

/// <summary>The two purposes every list is published for, and their URL segments.</summary>
internal static class StatusListPurposes
{
    public static IReadOnlyList<StatusPurpose> Published { get; } = [StatusPurpose.Revocation, StatusPurpose.Suspension];

    public static string Segment(StatusPurpose purpose) => purpose switch
    {
        StatusPurpose.Revocation => "revocation",
        StatusPurpose.Suspension => "suspension",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "only revocation and suspension lists are published"),
    };

    public static bool TryParse(string? segment, [NotNullWhen(true)] out StatusPurpose? purpose)
    {
        purpose = segment switch
        {
            "revocation" => StatusPurpose.Revocation,
            "suspension" => StatusPurpose.Suspension,
            _ => null,
        };
        return purpose is not null;
    }
}
