namespace Credstack.Credentials.Dids;

/// <summary>Stable codes for DIDs that cannot be resolved or dereferenced; they appear in verification reports.</summary>
public static class DidProblem
{
    /// <summary>The text is not a syntactically valid DID (DID Core §3.1) or DID URL, or breaks a method's own rules.</summary>
    public const string InvalidDid = "invalid-did";

    /// <summary>The DID method is not one Credstack resolves (or no resolver for it was configured).</summary>
    public const string UnsupportedDidMethod = "unsupported-did-method";

    /// <summary>The DID's document does not exist (did:web: HTTP 404 or 410).</summary>
    public const string DidNotFound = "did-not-found";

    /// <summary>The did:key public key cannot be decoded (bad multibase, multicodec, length or curve point).</summary>
    public const string InvalidPublicKey = "invalid-public-key";

    /// <summary>The fetched DID document is not valid JSON, not a DID document, or its <c>id</c> is not the DID.</summary>
    public const string InvalidDidDocument = "invalid-did-document";

    /// <summary>The did:web document could not be fetched (network error, timeout, size cap, refused redirect, HTTP error).</summary>
    public const string DidFetchFailed = "did-fetch-failed";

    /// <summary>The DID document has no verification method with the requested id.</summary>
    public const string VerificationMethodNotFound = "verification-method-not-found";

    /// <summary>The verification method is not listed under the required verification relationship (e.g. assertionMethod).</summary>
    public const string VerificationMethodNotAuthorized = "verification-method-not-authorized";

    /// <summary>The verification method's controller is not the expected DID.</summary>
    public const string ControllerMismatch = "controller-mismatch";
}
