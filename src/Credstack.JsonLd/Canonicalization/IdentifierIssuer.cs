// RDFC-1.0 §4.5 "Issue Identifier Algorithm": an issuer hands out prefix + counter in order
// and remembers what it issued. Blank nodes are numbered 0..n-1 by the canonicalization state,
// so the issuer keeps arrays rather than a map of labels.
namespace Credstack.JsonLd.Canonicalization;

internal sealed class IdentifierIssuer
{
    private readonly int[] _issuedNumber;
    private readonly int[] _issuedOrder;

    public IdentifierIssuer(int blankNodeCount)
    {
        _issuedNumber = new int[blankNodeCount];
        Array.Fill(_issuedNumber, -1);
        _issuedOrder = new int[blankNodeCount];
    }

    private IdentifierIssuer(IdentifierIssuer source)
    {
        _issuedNumber = (int[])source._issuedNumber.Clone();
        _issuedOrder = (int[])source._issuedOrder.Clone();
        Count = source.Count;
    }

    /// <summary>How many identifiers were issued.</summary>
    public int Count { get; private set; }

    /// <summary>The blank nodes in the order their identifiers were issued.</summary>
    public ReadOnlySpan<int> IssuedOrder => _issuedOrder.AsSpan(0, Count);

    /// <summary>The number in the issued identifier (prefix + number), or -1 if none was issued.</summary>
    public int NumberOf(int blankNode) => _issuedNumber[blankNode];

    /// <summary>Issues an identifier for the blank node unless it has one; returns its number.</summary>
    public int Issue(int blankNode)
    {
        var existing = _issuedNumber[blankNode];
        if (existing >= 0)
        {
            return existing;
        }

        var number = Count++;
        _issuedNumber[blankNode] = number;
        _issuedOrder[number] = blankNode;
        return number;
    }

    public IdentifierIssuer Clone() => new(this);
}
