using Credstack.Ledger.Entries;

namespace Credstack.Ledger.Monitoring;

/// <summary>
/// The issuer key timeline a log's key events describe: a key is valid for issuing from the event
/// that adds it (added, or rotated in) until the event that ends it (retired, or replaced by a
/// rotation). Credentials signed in that window stay verifiable afterwards; this answers which
/// keys could sign at a given moment.
/// </summary>
public sealed class KeyHistory
{
    private readonly List<KeyValidity> _periods = [];

    /// <summary>Every validity period, in log order of the event that opened it.</summary>
    public IReadOnlyList<KeyValidity> Periods => _periods;

    /// <summary>Builds the timeline from log entries, in log order; entries other than key events are skipped.</summary>
    public static KeyHistory From(IEnumerable<LogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var history = new KeyHistory();
        foreach (var keyEvent in entries.OfType<IssuerKeyEvent>())
        {
            history.Apply(keyEvent);
        }

        return history;
    }

    /// <summary>The keys of <paramref name="issuer"/> that were valid for issuing at <paramref name="time"/>.</summary>
    public IReadOnlyList<KeyValidity> ValidKeysAt(string issuer, DateTimeOffset time) =>
        [.. _periods.Where(p => p.Issuer == issuer && p.From <= time && (p.Until is null || time < p.Until))];

    private void Apply(IssuerKeyEvent keyEvent)
    {
        switch (keyEvent.Kind)
        {
            case KeyEventKind.Added:
                Open(keyEvent);
                break;
            case KeyEventKind.Rotated:
                if (keyEvent.PreviousKeyId is not null)
                {
                    Close(keyEvent.Issuer, keyEvent.PreviousKeyId, keyEvent.LoggedAt);
                }

                Open(keyEvent);
                break;
            case KeyEventKind.Retired:
                Close(keyEvent.Issuer, keyEvent.KeyId, keyEvent.LoggedAt);
                break;
        }
    }

    private void Open(IssuerKeyEvent keyEvent)
    {
        if (FindOpen(keyEvent.Issuer, keyEvent.KeyId) < 0)
        {
            _periods.Add(new KeyValidity(keyEvent.Issuer, keyEvent.KeyId, keyEvent.PublicKeyMultibase, keyEvent.LoggedAt, null));
        }
    }

    private void Close(string issuer, string keyId, DateTimeOffset at)
    {
        var index = FindOpen(issuer, keyId);
        if (index >= 0)
        {
            _periods[index] = _periods[index] with { Until = at };
        }
    }

    private int FindOpen(string issuer, string keyId) =>
        _periods.FindIndex(p => p.Issuer == issuer && p.KeyId == keyId && p.Until is null);
}
