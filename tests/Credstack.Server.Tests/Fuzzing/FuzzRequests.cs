using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Credstack.Server.Tests.Fuzzing;

/// <summary>
/// Makes the bad requests of the endpoint fuzz test from a seeded generator: for an endpoint that takes a body, one
/// request of every kind of bad body (malformed JSON, wrong JSON types, huge numbers, deep nesting, very long strings,
/// invalid UTF-8, wrong and missing content types, empty bodies, garbage multipart, oversized); for every endpoint,
/// unknown or garbage ids in the path and odd query strings. Field and query names come from the server itself (its
/// request records and handler parameters), so endpoints added later are fuzzed with their own names.
/// </summary>
#pragma warning disable CA5394, RS0030 // a seeded, reproducible generator is the point: the seed is printed with every failure
internal sealed class FuzzRequests(Random random, IReadOnlyDictionary<string, string> knownIds, IReadOnlyDictionary<string, JsonObject> examples)
{
    /// <summary>Over the server's default 1 MiB and the verifier's 2 MiB body limits.</summary>
    private const int OversizedBytes = (2 * 1024 * 1024) + 1;

    private const string Placeholder = "__fuzz__";

    // No %00: Kestrel (and the test server) refuse a path with a NUL before the application sees it.
    private static readonly string[] GarbageIds =
    [
        "no-such-id", "0", "-1", "00000000000000000000000000000000", "99999999999999999999", "%01", "a%1Fb", "%2F", "..%2F..%2Fetc",
        "%20", "%E2%80%8B", "%F0%9F%98%80", "%FF%FE", "%ED%A0%80", "'%20OR%201%3D1%20--", "%3Cscript%3E", "null", "undefined", "NaN",
        new string('a', 2000), "did:web:example.org", "urn:uuid:00000000-0000-0000-0000-000000000000", "1e9", "%25", "v1.json",
    ];

    private static readonly string[] OddQueryValues =
    [
        "", "-1", "0", "abc", "99999999999999999999", "1e9", "-9223372036854775809", "true%20false", "%00", "%FF", "%ED%A0%80",
        "%F0%9F%98%80", new string('z', 5000), "'%20OR%201%3D1--", "9999-99-99", "0001-01-01T00:00:00%2B14:00", "null", "%5B1%5D",
        "NaN", "Infinity", "%25ZZ",
    ];

    private static readonly string[] FixedQueryNames =
    [
        "limit", "offset", "cursor", "since", "includeArchived", "dryRun", "achievementId", "notify", "cryptosuite", "status",
        "recipient", "errorsAfter", "errorsLimit", "response_type", "client_id", "redirect_uri", "state", "scope", "code_challenge",
        "code_challenge_method",
    ];

    private static readonly string[] MalformedJson =
    [
        "{", "[", "{\"name\": ", "{\"name\": \"x\",}", "{'name': 'x'}", "{name: 1}", "nul", "tru", "{\"a\":1}{\"b\":2}", "{\"a\" 1}",
        "[1,,2]", "\"unterminated", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":NaN}",
        "{\"a\":Infinity}", "/* comment */ {}", "{\"a\":1} trailing", "\u00EF\u00BB\u00BF{}", "{\"a\":\"\t\"}",
    ];

    private static readonly string[] WrongTopLevel = ["[]", "\"a string\"", "42", "null", "true", "[{}]", "-0", "[null]", "\"\""];

    private static readonly string[] OddValues =
    [
        "42", "-1", "0", "1.5", "true", "false", "null", "[]", "{}", "\"\"", "\"x\"", "[1,\"a\",null]", "{\"id\":{}}", "[[[]]]",
        "\"9999-12-31T23:59:59-14:00\"", "\"0001-01-01T00:00:00+14:00\"", "\"not a date\"", "\"\\u0000\"", "\"a\\u0000b\"",
        "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"P99999999999Y\"", "\"https://\"", "\"javascript:alert(1)\"", "\"did:\"",
        "\"mailto:\"", "\"../../etc/passwd\"", "\"%00\"", "[\"\\u0000\"]", "{\"email\":42}", "\"\\u202e\"", "\"  \"",
    ];

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "9223372036854775808", "2147483648",
        "-2147483649", "1.7976931348623157e309", "4.9e-400", "0.000000000000000000000000000000000000000001", "1" + new string('0', 400),
        "1E+2147483648",
    ];

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "text/html", "application/octet-stream", "image/png", "image/svg+xml", "text/csv",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "application/json; charset=utf-16",
        "application/json; charset=nonsense", "application/jsonx", "*/*", "application/problem+json", "application/vc+jwt",
        "not a media type", ";;;", "application/json; boundary=\"",
    ];

    /// <summary>Every JSON member name of the server's request records (<c>…Request</c>, <c>…Definition</c>), camelCased.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = HarvestFieldNames();

    /// <summary>The bad requests for one endpoint (the same list is sent by every caller).</summary>
    public IReadOnlyList<FuzzRequest> For(string method, string pattern, RouteEndpoint endpoint)
    {
        var queryNames = QueryNames(endpoint);
        var requests = new List<FuzzRequest>
        {
            new("garbage ids", method, Path(pattern, garbage: true), null, null),
            new("odd query", method, Path(pattern, garbage: false) + OddQuery(queryNames), null, null),
            new("garbage ids, odd query", method, Path(pattern, garbage: true) + OddQuery(queryNames), null, null),
        };

        requests.Add(new("NUL in every query parameter", method, Path(pattern, garbage: false) + "?" + string.Join('&', queryNames.Select(n => n + "=a%00b")), null, null));

        if (method is not ("POST" or "PUT" or "PATCH"))
        {
            requests.Add(new("odd query", method, Path(pattern, garbage: false) + OddQuery(queryNames), null, null));
            return requests;
        }

        string PathOf() => Path(pattern, garbage: random.Next(4) == 0) + (random.Next(6) == 0 ? OddQuery(queryNames) : "");
        FuzzRequest Json(string kind, string json) => new(kind, method, PathOf(), Encoding.UTF8.GetBytes(json), "application/json");

        requests.Add(Json("malformed JSON", Pick(MalformedJson)));
        requests.Add(Json("wrong top-level type", Pick(WrongTopLevel)));
        requests.Add(Json("wrong member types", ObjectOf(random.Next(1, 5), () => Pick(OddValues))));
        requests.Add(Json("wrong member types", ObjectOf(random.Next(1, 5), () => Pick(OddValues))));
        requests.Add(Json("huge numbers", ObjectOf(random.Next(1, 4), () => Pick(HugeNumbers))));
        requests.Add(Json("deep nesting", DeepNesting()));
        requests.Add(Json("very long strings", ObjectOf(random.Next(1, 3), () => JsonSerializer.Serialize(string.Concat(Enumerable.Repeat(Pick(["a", "é", "😀", " ", "\\"]), random.Next(50_000, 150_000)))))));
        requests.Add(Json("very long member name", "{\"" + new string('k', 200_000) + "\": 1}"));
        requests.Add(Json("duplicate members", $"{{\"{Pick(FieldNames)}\": 1, \"{Pick(FieldNames)}\": \"x\", \"a\": 1, \"a\": 2}}"));
        requests.Add(new("invalid UTF-8", method, PathOf(), InvalidUtf8(), "application/json"));
        requests.Add(Json("control characters and lone surrogates", ObjectOf(random.Next(1, 4), () => Pick(["\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\"", "\"a\\u0000\"", "\"\\u0007\\u001b\""]))));
        requests.Add(new("wrong content type", method, PathOf(), Encoding.UTF8.GetBytes(ObjectOf(2, () => Pick(OddValues))), Pick(WrongContentTypes)));
        requests.Add(new("wrong content type", method, PathOf(), Encoding.UTF8.GetBytes("a=1&b=%ZZ&c"), "application/x-www-form-urlencoded"));
        requests.Add(new("no content type", method, PathOf(), Encoding.UTF8.GetBytes("{}"), null));
        requests.Add(new("empty body", method, PathOf(), [], Pick(["application/json", "text/csv", "image/png", "multipart/form-data; boundary=x", "text/plain"])));
        requests.Add(new("empty body, no content type", method, PathOf(), [], null));
        requests.Add(new("garbage multipart", method, PathOf(), GarbageMultipart(), "multipart/form-data; boundary=fuzz"));
        requests.Add(new("binary garbage", method, PathOf(), RandomBytes(random.Next(1, 4096)), Pick(["application/json", "text/csv", "image/png", "text/plain", "image/svg+xml"])));
        requests.Add(new("oversized body", method, PathOf(), OversizedBody(), "application/json"));
        if (examples.TryGetValue($"{method} {pattern}", out var example))
        {
            // A valid-looking body with one member made odd: reaches the handler's own validation.
            for (var i = 0; i < 6; i++)
            {
                // The odd value goes in as text: lone surrogates cannot pass through a JSON writer.
                var mutated = example.DeepClone().AsObject();
                mutated[Pick([.. mutated.Select(m => m.Key), .. FieldNames])] = Placeholder;
                requests.Add(Json("mutated example", mutated.ToJsonString().Replace($"\"{Placeholder}\"", Pick([.. OddValues, .. HugeNumbers]), StringComparison.Ordinal)));
            }

            // Every string member with a NUL in it: text the handler would store or look up.
            var withNul = example.DeepClone().AsObject().ToJsonString();
            foreach (var (name, value) in example.Where(m => m.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String))
            {
                var text = JsonSerializer.Serialize(value!.GetValue<string>());
                withNul = withNul.Replace($"\"{name}\":{text}", $"\"{name}\":{text[..^1]}\\u0000x\"", StringComparison.Ordinal);
            }

            requests.Add(Json("NUL in the example's strings", withNul));
        }

        return requests;
    }

    private string Pick(IReadOnlyList<string> values) => values[random.Next(values.Count)];

    private string Path(string pattern, bool garbage)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.Split('/'))
        {
            if (path.Length > 0 || segment.Length > 0)
            {
                path.Append('/');
            }

            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                var name = segment.Trim('{', '}', '*').Split(':', '=', '?')[0];
                path.Append(!garbage && knownIds.TryGetValue(name, out var known) ? Uri.EscapeDataString(known) : Pick(GarbageIds));
            }
            else if (segment.Contains('{', StringComparison.Ordinal))
            {
                // A parameter inside a segment ("{documentName}.json"): garbage before the literal rest.
                var open = segment.IndexOf('{', StringComparison.Ordinal);
                var close = segment.IndexOf('}', StringComparison.Ordinal);
                var name = segment[(open + 1)..close].Split(':')[0];
                var value = !garbage && knownIds.TryGetValue(name, out var known) ? known : Pick(GarbageIds);
                path.Append(segment[..open]).Append(value).Append(segment[(close + 1)..]);
            }
            else
            {
                path.Append(segment);
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private string OddQuery(IReadOnlyList<string> names)
    {
        var query = new StringBuilder("?");
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                query.Append('&');
            }

            var name = random.Next(8) == 0 ? Pick(["%00", "%FF", "a[b]", "=", ""]) : Pick(names);
            query.Append(name).Append('=').Append(Pick(OddQueryValues));
        }

        if (random.Next(4) == 0)
        {
            // The same name twice, with different values.
            var name = Pick(names);
            query.Append('&').Append(name).Append("=1&").Append(name).Append("=2");
        }

        return query.ToString();
    }

    private string ObjectOf(int members, Func<string> value)
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < members; i++)
        {
            json.Append(i > 0 ? "," : "").Append(JsonSerializer.Serialize(Pick(FieldNames))).Append(':').Append(value());
        }

        return json.Append('}').ToString();
    }

    private string DeepNesting()
    {
        int[] depths = [65, 100, 1000, 10_000];
        var depth = depths[random.Next(depths.Length)];
        var asArrays = random.Next(2) == 0;
        var inner = string.Concat(Enumerable.Repeat(asArrays ? "[" : "{\"a\":", depth)) + "1" + string.Concat(Enumerable.Repeat(asArrays ? "]" : "}", depth));
        return random.Next(2) == 0 ? inner : $"{{{JsonSerializer.Serialize(Pick(FieldNames))}: {inner}}}";
    }

    private byte[] InvalidUtf8()
    {
        byte[][] sequences = [[0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF0, 0x9F, 0x98], [0x00]];
        var bad = sequences[random.Next(sequences.Length)];
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes($"{{{JsonSerializer.Serialize(Pick(FieldNames))}: \"a"));
        bytes.AddRange(bad);
        bytes.AddRange("b\"}"u8.ToArray());
        return [.. bytes];
    }

    private byte[] GarbageMultipart() => Encoding.UTF8.GetBytes(Pick(
    [
        "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nemail\r\nx@example.org\r\n",
        "--fuzz\r\n\r\n--fuzz--",
        "--other\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--other--\r\n",
        "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n{\"a\":1}\r\n--fuzz--\r\n",
        "--fuzz\r\nContent-Disposition: garbage\r\n\r\nx\r\n--fuzz--\r\n",
        "not multipart at all",
        "--fuzz--\r\n",
    ]));

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] OversizedBody()
    {
        var bytes = new byte[OversizedBytes];
        Array.Fill(bytes, (byte)' ');
        bytes[0] = (byte)'[';
        bytes[^1] = (byte)']';
        return bytes;
    }

    /// <summary>The handler's query parameters (simple types not bound from the route, a header, the body or services), and the usual ones.</summary>
    private static List<string> QueryNames(RouteEndpoint endpoint)
    {
        var names = new List<string>(FixedQueryNames);
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler)
        {
            foreach (var parameter in handler.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                var simple = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(decimal);
                if (!simple || parameter.Name is null || routeNames.Contains(parameter.Name)
                    || parameter.GetCustomAttribute<FromHeaderAttribute>() is not null || parameter.GetCustomAttribute<FromServicesAttribute>() is not null)
                {
                    continue;
                }

                names.Add(parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name);
            }
        }

        return names;
    }

    private static List<string> HarvestFieldNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal)
        {
            "@context", "id", "type", "client_name", "client_uri", "redirect_uris", "grant_types", "response_types", "scope",
            "token_endpoint_auth_method", "grant_type", "code", "refresh_token", "token",
        };
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Definition", StringComparison.Ordinal)))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                names.Add(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            }
        }

        return [.. names];
    }
}
#pragma warning restore CA5394, RS0030
