// JSON-LD 1.1 API §7.3 "Generate Blank Node Identifier": _:b0, _:b1, ... in order of first use; an
// existing label is always mapped to the same new one.
using System.Globalization;

namespace Credstack.JsonLd.Processing;

/// <summary>Issues blank node identifiers for one document.</summary>
internal sealed class BlankNodeIdGenerator
{
    private readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);
    private int _counter;

    /// <summary>A fresh identifier, or the one already issued for <paramref name="existing"/>.</summary>
    public string Generate(string? existing = null)
    {
        if (existing is not null && _issued.TryGetValue(existing, out var known))
        {
            return known;
        }

        var id = "_:b" + _counter.ToString(CultureInfo.InvariantCulture);
        _counter++;
        if (existing is not null)
        {
            _issued[existing] = id;
        }

        return id;
    }
}
