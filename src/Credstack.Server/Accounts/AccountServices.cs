namespace Credstack.Server.Accounts;

/// <summary>Registers the accounts feature's services.</summary>
internal static class AccountServices
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<PasswordSignIn>();
        return builder;
    }
}
