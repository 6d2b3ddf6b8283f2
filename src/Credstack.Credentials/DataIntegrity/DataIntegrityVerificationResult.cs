namespace Credstack.Credentials.DataIntegrity;

/// <summary>The outcome of checking one proof of a document. Always a value; failures are listed in <see cref="Problems"/>.</summary>
public sealed record DataIntegrityVerificationResult
{
    /// <summary>The proof's position in the document's proof set (0 for a single proof object).</summary>
    public int Index { get; init; }

    /// <summary>The proof's <c>id</c>, if any.</summary>
    public string? ProofId { get; init; }

    /// <summary>The proof's <c>type</c>.</summary>
    public string? ProofType { get; init; }

    /// <summary>The proof's <c>cryptosuite</c> as written.</summary>
    public string? Cryptosuite { get; init; }

    /// <summary>The proof's <c>verificationMethod</c>.</summary>
    public string? VerificationMethod { get; init; }

    /// <summary>The verification method's controller, when it was resolved.</summary>
    public string? Controller { get; init; }

    /// <summary>
    /// True when the resolver knew the method's verification relationships (a DID document, or a registration that names
    /// them) and the method is checked against the proof purpose; false when it did not (a multibase-fragment method of a
    /// registered controller), in which case the controller's registration is taken as the authorization.
    /// </summary>
    public bool ControllerDocumentChecked { get; init; }

    /// <summary>The proof's <c>created</c>, when present and valid.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Errors and warnings. The proof verified when none is an error.</summary>
    public IReadOnlyList<DataIntegrityVerificationProblem> Problems { get; init; } = [];

    /// <summary>True when no problem is an error (warnings such as <see cref="DataIntegrityProblem.CryptosuiteDeprecated"/> allowed).</summary>
    public bool Succeeded => Problems.All(p => p.IsWarning);

    /// <summary>True when a problem (error or warning) with <paramref name="code"/> was reported.</summary>
    public bool HasProblem(string code) => Problems.Any(p => string.Equals(p.Code, code, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() =>
        $"proof {Index} ({Cryptosuite ?? ProofType}): " + (Succeeded && Problems.Count == 0 ? "verified" : string.Join("; ", Problems));
}
