// Persisted form of a StatusListAllocator (W3C Bitstring Status List v1.0 has no wire format
// for this; it is server state).
namespace Credstack.Credentials.Status;

/// <summary>What a server stores to resume allocating indexes of one list.</summary>
/// <param name="Capacity">Number of entries in the list.</param>
/// <param name="Used">Bitmap of used indexes, most significant bit first, standard base64.</param>
public sealed record StatusListAllocatorState(int Capacity, string Used);
