// DID Core 1.0 §5.3: a verification relationship lists methods either by reference (a DID URL
// string, possibly relative like "#key-1") or embedded (a full verification method object).
namespace Credstack.Credentials.Dids;

/// <summary>One entry of a verification relationship: a reference to a method or an embedded method.</summary>
public sealed record VerificationMethodReference
{
    /// <summary>A reference by id.</summary>
    public VerificationMethodReference(string id)
    {
        Id = id;
    }

    /// <summary>An embedded method.</summary>
    public VerificationMethodReference(VerificationMethod embedded)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        Id = embedded.Id;
        Embedded = embedded;
    }

    /// <summary>The method id as written (may be relative to the document, e.g. <c>#key-1</c>).</summary>
    public string Id { get; }

    /// <summary>The method itself when it is embedded rather than referenced.</summary>
    public VerificationMethod? Embedded { get; }

    /// <summary>A reference by id.</summary>
    public static implicit operator VerificationMethodReference(string id) => new(id);

    /// <summary>A reference by id.</summary>
    public static VerificationMethodReference FromString(string id) => new(id);
}
