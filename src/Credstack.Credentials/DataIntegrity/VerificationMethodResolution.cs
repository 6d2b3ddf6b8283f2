using System.Diagnostics.CodeAnalysis;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>The outcome of finding a verification method: the key and its controller, or a problem.</summary>
public sealed record VerificationMethodResolution
{
    private VerificationMethodResolution(
        VerificationKey? key, string? controller, bool? authorized, bool disposeKey, string? problem, string? detail)
    {
        Key = key;
        Controller = controller;
        AuthorizedForRelationship = authorized;
        DisposeKeyAfterUse = disposeKey;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The public key.</summary>
    public VerificationKey? Key { get; }

    /// <summary>The method's controller (a DID or URL), which the verifier compares with the credential's issuer.</summary>
    public string? Controller { get; }

    /// <summary>
    /// Whether the controller document lists the method under the requested relationship: true or false when the
    /// resolver read a controller document (a DID document), null when it had none (a key registered by the caller,
    /// whose registration is the caller's statement that the controller uses it for that purpose).
    /// </summary>
    public bool? AuthorizedForRelationship { get; }

    /// <summary>True when the key was made for this resolution and the verifier disposes it; false when the resolver keeps owning it.</summary>
    public bool DisposeKeyAfterUse { get; }

    /// <summary>The underlying problem code (a <c>DidProblem</c> or <c>KeyProblem</c> code, or <c>verification-method-not-found</c>).</summary>
    public string? Problem { get; }

    /// <summary>Why no key was found.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Key"/> and <see cref="Controller"/> are set.</summary>
    [MemberNotNullWhen(true, nameof(Key), nameof(Controller))]
    public bool Succeeded => Key is not null;

    /// <summary>A found key.</summary>
    /// <param name="key">The public key.</param>
    /// <param name="controller">Its controller.</param>
    /// <param name="authorizedForRelationship">See <see cref="AuthorizedForRelationship"/>.</param>
    /// <param name="disposeKeyAfterUse">See <see cref="DisposeKeyAfterUse"/>.</param>
    public static VerificationMethodResolution Found(VerificationKey key, string controller, bool? authorizedForRelationship, bool disposeKeyAfterUse)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(controller);
        return new(key, controller, authorizedForRelationship, disposeKeyAfterUse, null, null);
    }

    /// <summary>No key: <paramref name="problem"/> says why.</summary>
    public static VerificationMethodResolution NotFound(string problem, string detail) => new(null, null, null, false, problem, detail);
}
