using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Keys;

internal static class Ed25519Implementations
{
    /// <summary>
    /// The implementations this machine has. OpenSSL is expected on the Linux CI image, so its absence
    /// there fails <see cref="Ed25519ImplementationTests"/> rather than silently shrinking the matrix.
    /// </summary>
    public static Ed25519Implementation[] Available =>
        Ed25519SigningKey.IsOpenSslAvailable
            ? [Ed25519Implementation.OpenSsl, Ed25519Implementation.Managed]
            : [Ed25519Implementation.Managed];

    public static TheoryData<Ed25519Implementation> Theory()
    {
        var data = new TheoryData<Ed25519Implementation>();
        foreach (var implementation in Available)
        {
            data.Add(implementation);
        }

        return data;
    }
}
