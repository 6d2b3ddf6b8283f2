// Credential and achievement ids: RFC 9562 UUIDv7 in a urn:uuid: URI (RFC 4122 §3). Version 7 keeps ids
// time-ordered for storage; its random part comes from the platform's cryptographic generator.
namespace Credstack.Credentials.Model;

/// <summary>Makes <c>urn:uuid:</c> identifiers for new credentials and achievements.</summary>
public static class UrnUuid
{
    /// <summary>The URI prefix.</summary>
    public const string Prefix = "urn:uuid:";

    /// <summary>A new <c>urn:uuid:</c> id from a version 7 UUID stamped with <paramref name="timeProvider"/>'s clock.</summary>
    public static string Create(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Prefix + Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("D");
    }
}
