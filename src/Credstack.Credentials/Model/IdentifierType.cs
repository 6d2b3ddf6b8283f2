// Open Badges 3.0 §B (data model), enumeration IdentifierTypeEnum (extensible: values outside the list use the "ext:" prefix).
// The value list is the one in the 1EdTech JSON Schema (gh-pages build, 2025-03-27).
using System.Collections.Frozen;

namespace Credstack.Credentials.Model;

/// <summary>The kinds of identifier in an <see cref="IdentityObject"/> or <see cref="IdentifierEntry"/> (IdentifierTypeEnum).</summary>
public static class IdentifierType
{
    /// <summary><c>name</c>.</summary>
    public const string Name = "name";

    /// <summary><c>sourcedId</c>.</summary>
    public const string SourcedId = "sourcedId";

    /// <summary><c>systemId</c>.</summary>
    public const string SystemId = "systemId";

    /// <summary><c>productId</c>.</summary>
    public const string ProductId = "productId";

    /// <summary><c>userName</c>.</summary>
    public const string UserName = "userName";

    /// <summary><c>accountId</c>.</summary>
    public const string AccountId = "accountId";

    /// <summary><c>emailAddress</c>.</summary>
    public const string EmailAddress = "emailAddress";

    /// <summary><c>nationalIdentityNumber</c>.</summary>
    public const string NationalIdentityNumber = "nationalIdentityNumber";

    /// <summary><c>isbn</c>.</summary>
    public const string Isbn = "isbn";

    /// <summary><c>issn</c>.</summary>
    public const string Issn = "issn";

    /// <summary><c>lisSourcedId</c>.</summary>
    public const string LisSourcedId = "lisSourcedId";

    /// <summary><c>oneRosterSourcedId</c>.</summary>
    public const string OneRosterSourcedId = "oneRosterSourcedId";

    /// <summary><c>sisSourcedId</c>.</summary>
    public const string SisSourcedId = "sisSourcedId";

    /// <summary><c>ltiContextId</c>.</summary>
    public const string LtiContextId = "ltiContextId";

    /// <summary><c>ltiDeploymentId</c>.</summary>
    public const string LtiDeploymentId = "ltiDeploymentId";

    /// <summary><c>ltiToolId</c>.</summary>
    public const string LtiToolId = "ltiToolId";

    /// <summary><c>ltiPlatformId</c>.</summary>
    public const string LtiPlatformId = "ltiPlatformId";

    /// <summary><c>ltiUserId</c>.</summary>
    public const string LtiUserId = "ltiUserId";

    /// <summary><c>identifier</c>.</summary>
    public const string Identifier = "identifier";

    /// <summary>The values the specification defines (extensions with the <c>ext:</c> prefix are also valid).</summary>
    public static FrozenSet<string> Defined { get; } = FrozenSet.Create(StringComparer.Ordinal,
        Name, SourcedId, SystemId, ProductId, UserName, AccountId, EmailAddress, NationalIdentityNumber, Isbn, Issn, LisSourcedId, OneRosterSourcedId, SisSourcedId, LtiContextId, LtiDeploymentId, LtiToolId, LtiPlatformId, LtiUserId, Identifier);

    /// <summary>True when <paramref name="value"/> is a defined value or an <c>ext:</c> extension term.</summary>
    public static bool IsValid(string value) => Defined.Contains(value) || ExtensionTerm.IsValid(value);
}
