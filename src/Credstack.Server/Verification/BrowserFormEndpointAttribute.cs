using Microsoft.AspNetCore.Http.Metadata;

namespace Credstack.Server.Verification;

/// <summary>
/// Marks a page that shares its route with an API endpoint (the verify page and <c>POST /verify</c>): GET and browser
/// form posts go to the page, everything else to the API endpoint (<see cref="BrowserFormMatcherPolicy"/>). It also
/// declares that the page reads only form bodies (or none), so a post of another content type never reaches it and
/// keeps getting the API's answer (routing's 415 included).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class BrowserFormEndpointAttribute : Attribute, IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes { get; } = ["application/x-www-form-urlencoded", "multipart/form-data"];

    public Type? RequestType => null;

    public bool IsOptional => true;
}
