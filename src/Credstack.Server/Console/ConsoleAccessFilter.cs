using Credstack.Server.Access;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Credstack.Server.Console;

/// <summary>
/// The pages' side of tenant isolation, with the API's rules (<see cref="OrgAccessFilter"/>): someone outside
/// the organization in the route (or an organization that does not exist) gets 404, a member below the page's
/// <see cref="ConsoleRoleAttribute"/> gets 403, and API tokens get 403 (pages are for people). Otherwise the
/// page runs with a <see cref="ConsoleContext"/> (<c>HttpContext.Console()</c>). Anonymous visitors never get
/// here: the pages carry <c>[Authorize]</c>, which sends them to sign in.
/// </summary>
internal sealed class ConsoleAccessFilter(MembershipStore memberships, OrganizationStore organizations) : IAsyncPageFilter
{
    public const string RouteParameter = OrgAccessFilter.RouteParameter;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var role = context.ActionDescriptor.EndpointMetadata.OfType<ConsoleRoleAttribute>().LastOrDefault()
            ?? throw new InvalidOperationException($"the console page {context.ActionDescriptor.ViewEnginePath} has no [ConsoleRole]");
        var organizationId = context.RouteData.Values[RouteParameter] as string ?? "";

        var caller = await new OrgAccessFilter(memberships).ResolveAsync(http.User, organizationId, http.RequestAborted);
        var organization = caller is null ? null : await organizations.FindAsync(organizationId, http.RequestAborted);
        if (caller is null || organization is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        // No token scope: API tokens may not use the pages.
        if (!OrgAccessFilter.Allows(new OrgAccessRequirement(role.For(http.Request.Method), null), caller))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        http.Features.Set(new ConsoleContext(caller, organization));
        await next();
    }
}
