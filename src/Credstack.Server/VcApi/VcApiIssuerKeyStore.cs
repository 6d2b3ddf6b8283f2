using System.Collections.Concurrent;
using System.Security.Cryptography;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Server.Storage;
using Dapper;
using Microsoft.AspNetCore.DataProtection;

namespace Credstack.Server.VcApi;

/// <summary>
/// Each organization's VC-API issuer key: an Ed25519 key made on first use from <see cref="RandomNumberGenerator"/>,
/// kept in the database encrypted with ASP.NET Core Data Protection (keys beside <c>Credstack:KeyProtection:KeyRingPath</c>),
/// and cached decrypted in memory for the life of the process. The issuer id is the key's did:key.
/// </summary>
internal sealed class VcApiIssuerKeyStore(IConnectionFactory connections, IDataProtectionProvider protection, TimeProvider time) : IDisposable
{
    private readonly IDataProtector _protector = protection.CreateProtector("Credstack.VcApi.IssuerKey.v1");
    private readonly ConcurrentDictionary<string, VcApiIssuerKey> _cache = new(StringComparer.Ordinal);

    /// <summary>The organization's key, made on first use. Two first uses at once keep one key (the first row written).</summary>
    public async Task<VcApiIssuerKey> GetOrCreateAsync(string organizationId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(organizationId, out var cached))
        {
            return cached;
        }

        var row = await FindAsync(organizationId, cancellationToken) ?? await CreateAsync(organizationId, cancellationToken);
        var key = Open(row);
        var kept = _cache.GetOrAdd(organizationId, key);
        if (!ReferenceEquals(kept, key))
        {
            key.Key.Dispose();
        }

        return kept;
    }

    public async Task<VcApiIssuerKeyRow?> FindAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VcApiIssuerKeyRow>(new CommandDefinition(
            "SELECT organization_id, did, protected_seed, created_at FROM vc_api_issuer_keys WHERE organization_id = @organizationId;",
            new { organizationId }, cancellationToken: cancellationToken));
    }

    public void Dispose()
    {
        foreach (var key in _cache.Values)
        {
            key.Key.Dispose();
        }
    }

    private async Task<VcApiIssuerKeyRow> CreateAsync(string organizationId, CancellationToken cancellationToken)
    {
        var seed = RandomNumberGenerator.GetBytes(Ed25519SigningKey.SeedSize);
        try
        {
            string did;
            using (var key = Ed25519SigningKey.FromSeed(seed))
            {
                did = DidKey.CreateDid(key.PublicKey);
            }

            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO vc_api_issuer_keys (organization_id, did, protected_seed, created_at)
                VALUES (@organizationId, @did, @protectedSeed, @now)
                ON CONFLICT (organization_id) DO NOTHING;
                """,
                new { organizationId, did, protectedSeed = Convert.ToBase64String(_protector.Protect(seed)), now = time.GetUtcNow() },
                cancellationToken: cancellationToken));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }

        return await FindAsync(organizationId, cancellationToken)
            ?? throw new InvalidOperationException("the VC-API issuer key row vanished right after it was written");
    }

    private VcApiIssuerKey Open(VcApiIssuerKeyRow row)
    {
        var seed = _protector.Unprotect(Convert.FromBase64String(row.ProtectedSeed));
        try
        {
            var key = Ed25519SigningKey.FromSeed(seed);
            return new VcApiIssuerKey(row.Did, DidKey.VerificationMethodId(key.PublicKey), key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
