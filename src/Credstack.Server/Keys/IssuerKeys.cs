using Credstack.Credentials.Keys;

namespace Credstack.Server.Keys;

/// <summary>
/// An organization's signing keys: generated here, stored encrypted, never handed out. One key
/// per key type is active; <see cref="RotateAsync"/> replaces it and keeps the old one listed.
/// </summary>
internal sealed class IssuerKeys(IssuerKeyStore store, SigningKeyProtector protector)
{
    /// <summary>The active key of <paramref name="keyType"/>, generated on first use.</summary>
    public async Task<IssuerKey> GetOrCreateActiveAsync(string organizationId, KeyType keyType, CancellationToken cancellationToken)
    {
        var name = keyType.ToName();
        if (await store.FindActiveAsync(organizationId, name, cancellationToken) is { } active)
        {
            return active;
        }

        return await AddAsync(organizationId, keyType, retireCurrent: false, cancellationToken)
            ?? await store.FindActiveAsync(organizationId, name, cancellationToken)
            ?? throw new InvalidOperationException($"no active {name} key for {organizationId} after creating one");
    }

    /// <summary>Retires the active key of <paramref name="keyType"/> (if any) and makes a new one; null when a concurrent rotation won.</summary>
    public Task<IssuerKey?> RotateAsync(string organizationId, KeyType keyType, CancellationToken cancellationToken) =>
        AddAsync(organizationId, keyType, retireCurrent: true, cancellationToken);

    public Task<IReadOnlyList<IssuerKey>> ListAsync(string organizationId, CancellationToken cancellationToken) =>
        store.ListAsync(organizationId, cancellationToken);

    /// <summary>Decrypts a stored key for one use; dispose it right after signing.</summary>
    public SigningKey Open(IssuerKey key) => protector.Unprotect(key);

    private async Task<IssuerKey?> AddAsync(string organizationId, KeyType keyType, bool retireCurrent, CancellationToken cancellationToken)
    {
        string publicJwk;
        string protectedPrivateKey;
        using (var generated = SigningKey.Generate(keyType))
        {
            publicJwk = generated.PublicKey.ExportJwk().ToJson();
            protectedPrivateKey = protector.Protect(generated);
        }

        return await store.AddActiveAsync(organizationId, keyType.ToName(), publicJwk, protectedPrivateKey, retireCurrent, cancellationToken);
    }
}
