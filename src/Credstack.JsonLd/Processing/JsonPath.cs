using System.Globalization;
using System.Text;

namespace Credstack.JsonLd.Processing;

/// <summary>
/// A position in the input document, kept only in safe mode so that an error can name where the
/// dropped term is (<c>$.credentialSubject.achievement[0].foo</c>).
/// </summary>
internal sealed class JsonPath(JsonPath? parent, string? name, int index)
{
    private readonly JsonPath? _parent = parent;
    private readonly string? _name = name;
    private readonly int _index = index;

    public static JsonPath Root { get; } = new(null, null, -1);

    public JsonPath Child(string name) => new(this, name, -1);

    public JsonPath Child(int index) => new(this, null, index);

    public override string ToString()
    {
        var segments = new List<JsonPath>();
        for (var node = this; node is not null && node != Root; node = node._parent)
        {
            segments.Add(node);
        }

        var builder = new StringBuilder("$");
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var segment = segments[i];
            if (segment._name is not null)
            {
                builder.Append('.').Append(segment._name);
            }
            else
            {
                builder.Append('[').Append(segment._index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return builder.ToString();
    }
}
