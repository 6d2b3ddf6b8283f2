using Credstack.Ledger.Entries;
using Credstack.Ledger.Monitoring;

namespace Credstack.Ledger.Tests.Monitoring;

public sealed class KeyHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static KeyHistory Sample() => KeyHistory.From(
    [
        new IssuerKeyEvent("did:web:a", "did:web:a#k1", "z1", KeyEventKind.Added, null, T0),
        new CredentialStatusChanged("urn:uuid:1", "did:web:a", StatusChange.Revoked, "x", T0.AddDays(1)),
        new IssuerKeyEvent("did:web:b", "did:web:b#k1", "zb", KeyEventKind.Added, null, T0.AddDays(2)),
        new IssuerKeyEvent("did:web:a", "did:web:a#k2", "z2", KeyEventKind.Rotated, "did:web:a#k1", T0.AddDays(10)),
        new IssuerKeyEvent("did:web:a", "did:web:a#k3", "z3", KeyEventKind.Added, null, T0.AddDays(12)),
        new IssuerKeyEvent("did:web:a", "did:web:a#k2", "z2", KeyEventKind.Retired, null, T0.AddDays(20)),
    ]);

    [Theory]
    [InlineData(-1, new string[0])]
    [InlineData(0, new[] { "did:web:a#k1" })]
    [InlineData(5, new[] { "did:web:a#k1" })]
    [InlineData(10, new[] { "did:web:a#k2" })]
    [InlineData(15, new[] { "did:web:a#k2", "did:web:a#k3" })]
    [InlineData(20, new[] { "did:web:a#k3" })]
    public void Valid_keys_for_an_issuer_follow_its_add_rotate_and_retire_events(int day, string[] expected)
    {
        var keys = Sample().ValidKeysAt("did:web:a", T0.AddDays(day));
        Assert.Equal(expected, keys.Select(k => k.KeyId));
    }

    [Fact]
    public void Another_issuers_keys_are_never_reported()
    {
        Assert.Equal(["did:web:b#k1"], Sample().ValidKeysAt("did:web:b", T0.AddDays(30)).Select(k => k.KeyId));
        Assert.Empty(Sample().ValidKeysAt("did:web:c", T0.AddDays(30)));
    }
}
