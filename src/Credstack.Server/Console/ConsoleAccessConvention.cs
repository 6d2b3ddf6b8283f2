using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Credstack.Server.Console;

/// <summary>
/// Tenant isolation for pages, in one place: every Razor page whose route takes <c>{orgId}</c> gets
/// <see cref="ConsoleAccessFilter"/> and the <see cref="ConsolePageAccess"/> marker (which the endpoint
/// catalogue test looks for), whatever folder it is in and whoever writes it.
/// </summary>
internal sealed class ConsoleAccessConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var template = model.ActionDescriptor.AttributeRouteInfo?.Template ?? "";
        if (!template.Contains("{" + ConsoleAccessFilter.RouteParameter, StringComparison.Ordinal))
        {
            return;
        }

        model.Filters.Add(new ServiceFilterAttribute(typeof(ConsoleAccessFilter)));
        model.EndpointMetadata.Add(ConsolePageAccess.Instance);
    }
}
