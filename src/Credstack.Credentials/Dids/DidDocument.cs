// DID Core 1.0 §5 (DID document properties) in the JSON representation (§6.2). Only the
// properties Credstack uses are modelled; services are kept as raw JSON.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Dids;

/// <summary>A DID document.</summary>
public sealed record DidDocument
{
    /// <summary>The JSON-LD context of DID documents.</summary>
    public const string DidContext = "https://www.w3.org/ns/did/v1";

    /// <summary>The context defining the Multikey verification method type.</summary>
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";

    /// <summary>The context defining the JsonWebKey verification method type.</summary>
    public const string JwkContext = "https://w3id.org/security/jwk/v1";

    /// <summary>Documents larger than this are refused by <see cref="Parse"/>.</summary>
    public const int MaxDocumentBytes = 256 * 1024;

    /// <summary><c>@context</c>: context URLs; an inline context object is kept as its JSON text.</summary>
    [JsonPropertyName("@context")]
    [JsonPropertyOrder(0)]
    [JsonConverter(typeof(ContextConverter))]
    public IReadOnlyList<string>? Context { get; init; }

    /// <summary>The DID.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(1)]
    public required string Id { get; init; }

    /// <summary>The document's controllers, when other than the DID itself.</summary>
    [JsonPropertyName("controller")]
    [JsonPropertyOrder(2)]
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string>? Controller { get; init; }

    /// <summary><c>verificationMethod</c>.</summary>
    [JsonPropertyName("verificationMethod")]
    [JsonPropertyOrder(3)]
    public IReadOnlyList<VerificationMethod>? VerificationMethod { get; init; }

    /// <summary><c>authentication</c>.</summary>
    [JsonPropertyName("authentication")]
    [JsonPropertyOrder(4)]
    [JsonConverter(typeof(VerificationRelationshipConverter))]
    public IReadOnlyList<VerificationMethodReference>? Authentication { get; init; }

    /// <summary><c>assertionMethod</c>: the keys that may sign credentials.</summary>
    [JsonPropertyName("assertionMethod")]
    [JsonPropertyOrder(5)]
    [JsonConverter(typeof(VerificationRelationshipConverter))]
    public IReadOnlyList<VerificationMethodReference>? AssertionMethod { get; init; }

    /// <summary><c>capabilityDelegation</c>.</summary>
    [JsonPropertyName("capabilityDelegation")]
    [JsonPropertyOrder(6)]
    [JsonConverter(typeof(VerificationRelationshipConverter))]
    public IReadOnlyList<VerificationMethodReference>? CapabilityDelegation { get; init; }

    /// <summary><c>capabilityInvocation</c>.</summary>
    [JsonPropertyName("capabilityInvocation")]
    [JsonPropertyOrder(7)]
    [JsonConverter(typeof(VerificationRelationshipConverter))]
    public IReadOnlyList<VerificationMethodReference>? CapabilityInvocation { get; init; }

    /// <summary><c>keyAgreement</c>.</summary>
    [JsonPropertyName("keyAgreement")]
    [JsonPropertyOrder(8)]
    [JsonConverter(typeof(VerificationRelationshipConverter))]
    public IReadOnlyList<VerificationMethodReference>? KeyAgreement { get; init; }

    /// <summary><c>service</c>, kept as raw JSON.</summary>
    [JsonPropertyName("service")]
    [JsonPropertyOrder(9)]
    public IReadOnlyList<JsonElement>? Service { get; init; }

    /// <summary>
    /// Parses a DID document from UTF-8 JSON. Never throws on bad input: the result carries
    /// <see cref="DidProblem.InvalidDidDocument"/>.
    /// </summary>
    public static DidResolutionResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxDocumentBytes)
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDidDocument, $"The DID document is larger than {MaxDocumentBytes} bytes.");
        }

        DidDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, DidsJsonContext.Default.DidDocument);
        }
        catch (JsonException exception)
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDidDocument, "The DID document is not valid JSON of the expected shape: " + exception.Message);
        }

        if (document is null || !DidUrl.TryParse(document.Id, out var id) || !id.IsDid)
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDidDocument, "The DID document has no valid DID as its id.");
        }

        return DidResolutionResult.Success(document);
    }

    /// <summary>Writes the document as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, DidsJsonContext.Default.DidDocument);

    /// <summary>Writes the document as indented UTF-8 JSON (what a did.json file holds).</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, DidsJsonContext.Default.DidDocument);

    /// <summary>The entries of one verification relationship (empty when absent).</summary>
    public IReadOnlyList<VerificationMethodReference> Relationship(VerificationRelationship relationship) => (relationship switch
    {
        VerificationRelationship.Authentication => Authentication,
        VerificationRelationship.AssertionMethod => AssertionMethod,
        VerificationRelationship.KeyAgreement => KeyAgreement,
        VerificationRelationship.CapabilityInvocation => CapabilityInvocation,
        _ => CapabilityDelegation,
    }) ?? [];

    /// <summary>
    /// Finds a verification method by id — absolute (<c>did:…#key-1</c>) or relative to this document (<c>#key-1</c>) —
    /// among <c>verificationMethod</c> and the methods embedded in relationships. Null when absent.
    /// </summary>
    public VerificationMethod? FindVerificationMethod(string? methodId)
    {
        var absolute = Absolute(methodId);
        if (absolute is null)
        {
            return null;
        }

        foreach (var method in VerificationMethod ?? [])
        {
            if (string.Equals(Absolute(method.Id), absolute, StringComparison.Ordinal))
            {
                return method;
            }
        }

        foreach (VerificationRelationship relationship in Enum.GetValues<VerificationRelationship>())
        {
            foreach (var entry in Relationship(relationship))
            {
                if (entry.Embedded is { } embedded && string.Equals(Absolute(embedded.Id), absolute, StringComparison.Ordinal))
                {
                    return embedded;
                }
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="methodId"/> is listed (by reference or embedded) under <paramref name="relationship"/>.</summary>
    public bool IsAuthorized(string? methodId, VerificationRelationship relationship)
    {
        var absolute = Absolute(methodId);
        return absolute is not null
            && Relationship(relationship).Any(entry => string.Equals(Absolute(entry.Id), absolute, StringComparison.Ordinal));
    }

    /// <summary>
    /// The check a verifier makes before trusting a proof: <paramref name="methodId"/> exists in this document, is listed
    /// under <paramref name="relationship"/>, and both the document and the method are controlled by
    /// <paramref name="expectedController"/> (e.g. the credential's issuer). Returns the method or a <see cref="DidProblem"/>.
    /// </summary>
    public VerificationMethodResult CheckVerificationMethod(string? methodId, VerificationRelationship relationship, string expectedController)
    {
        var method = FindVerificationMethod(methodId);
        if (method is null)
        {
            return VerificationMethodResult.Failure(DidProblem.VerificationMethodNotFound, $"The DID document {Id} has no verification method {methodId}.");
        }

        if (!IsAuthorized(methodId, relationship))
        {
            return VerificationMethodResult.Failure(
                DidProblem.VerificationMethodNotAuthorized,
                $"The verification method {methodId} is not listed under {JsonNamingPolicy.CamelCase.ConvertName(relationship.ToString())}.");
        }

        if (!string.Equals(Id, expectedController, StringComparison.Ordinal)
            || !string.Equals(method.Controller, expectedController, StringComparison.Ordinal))
        {
            return VerificationMethodResult.Failure(
                DidProblem.ControllerMismatch,
                $"The verification method {methodId} is controlled by {method.Controller} in {Id}, not by {expectedController}.");
        }

        return VerificationMethodResult.Success(method, this);
    }

    private string? Absolute(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return id[0] == '#' ? Id + id : id;
    }
}
