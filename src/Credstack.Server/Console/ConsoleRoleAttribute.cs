using Credstack.Server.Organizations;

namespace Credstack.Server.Console;

/// <summary>
/// The least role a member needs for a console page under <c>/console/{orgId}</c>: <see cref="Read"/> to
/// open it (GET, HEAD), <see cref="Change"/> to submit its forms (every other method). Read by
/// <see cref="ConsoleAccessFilter"/>; a console page without it is refused with a 500 (a bug, never an open page).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ConsoleRoleAttribute : Attribute
{
    public ConsoleRoleAttribute(OrgRole read)
    {
        Read = read;
        Change = read;
    }

    public OrgRole Read { get; }

    /// <summary>The role that submits the page's forms; the same as <see cref="Read"/> unless set.</summary>
    public OrgRole Change { get; set; }

    public OrgRole For(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? Read : Change;
}
