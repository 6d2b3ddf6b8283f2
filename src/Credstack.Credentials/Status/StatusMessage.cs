// W3C Bitstring Status List v1.0, §2.1: statusMessage items, e.g. {"status":"0x2","message":"rejected"}.
using System.Globalization;

namespace Credstack.Credentials.Status;

/// <summary>One item of an entry's <c>statusMessage</c>: the meaning of one status value.</summary>
/// <param name="Status">The status value (written as a hexadecimal string such as <c>0x2</c> in JSON).</param>
/// <param name="Message">The message for that value, e.g. <c>rejected</c>.</param>
public sealed record StatusMessage(int Status, string Message)
{
    /// <summary>The value as the spec writes it: lower-case hexadecimal with a <c>0x</c> prefix.</summary>
    public string StatusText => "0x" + Status.ToString("x", CultureInfo.InvariantCulture);
}
