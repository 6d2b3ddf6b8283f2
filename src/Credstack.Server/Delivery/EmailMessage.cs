namespace Credstack.Server.Delivery;

/// <summary>One plain-text e-mail; <paramref name="OrganizationId"/> is the organization it is sent for (the development outbox shows it to that organization's admins).</summary>
internal sealed record EmailMessage(string? OrganizationId, string To, string Subject, string Body);
