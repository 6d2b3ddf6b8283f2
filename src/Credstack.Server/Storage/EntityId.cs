namespace Credstack.Server.Storage;

/// <summary>New ids for stored rows: UUIDv7 in 32 hex digits, so ids sort by creation time and index well.</summary>
internal static class EntityId
{
    public static string New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
