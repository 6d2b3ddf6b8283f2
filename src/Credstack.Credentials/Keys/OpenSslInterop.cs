// The OpenSSL 3 EVP calls Credstack needs for Ed25519 (EVP_PKEY-ED25519(7), EVP_DigestSignInit(3),
// EVP_DigestVerifyInit(3)). libcrypto.so.3 is the library .NET itself uses on Linux.
using System.Runtime.InteropServices;

namespace Credstack.Credentials.Keys;

internal static unsafe partial class OpenSslInterop
{
    public const string Library = "libcrypto.so.3";

    /// <summary>NID_ED25519 / EVP_PKEY_ED25519.</summary>
    public const int EvpPKeyEd25519 = 1087;

    /// <summary>Every export the Ed25519 path calls; the probe checks them all before first use.</summary>
    public static readonly string[] RequiredExports =
    [
        "EVP_PKEY_new_raw_private_key", "EVP_PKEY_new_raw_public_key", "EVP_PKEY_get_raw_public_key", "EVP_PKEY_free",
        "EVP_MD_CTX_new", "EVP_MD_CTX_free", "EVP_DigestSignInit", "EVP_DigestSign", "EVP_DigestVerifyInit",
        "EVP_DigestVerify", "ERR_clear_error",
    ];

    [LibraryImport(Library)]
    public static partial OpenSslPKeyHandle EVP_PKEY_new_raw_private_key(int type, IntPtr engine, byte* key, nuint keyLength);

    [LibraryImport(Library)]
    public static partial OpenSslPKeyHandle EVP_PKEY_new_raw_public_key(int type, IntPtr engine, byte* key, nuint keyLength);

    [LibraryImport(Library)]
    public static partial int EVP_PKEY_get_raw_public_key(OpenSslPKeyHandle key, byte* publicKey, ref nuint length);

    [LibraryImport(Library)]
    public static partial void EVP_PKEY_free(IntPtr key);

    [LibraryImport(Library)]
    public static partial OpenSslDigestContextHandle EVP_MD_CTX_new();

    [LibraryImport(Library)]
    public static partial void EVP_MD_CTX_free(IntPtr context);

    [LibraryImport(Library)]
    public static partial int EVP_DigestSignInit(OpenSslDigestContextHandle context, IntPtr keyContext, IntPtr digest, IntPtr engine, OpenSslPKeyHandle key);

    [LibraryImport(Library)]
    public static partial int EVP_DigestSign(OpenSslDigestContextHandle context, byte* signature, ref nuint signatureLength, byte* data, nuint dataLength);

    [LibraryImport(Library)]
    public static partial int EVP_DigestVerifyInit(OpenSslDigestContextHandle context, IntPtr keyContext, IntPtr digest, IntPtr engine, OpenSslPKeyHandle key);

    [LibraryImport(Library)]
    public static partial int EVP_DigestVerify(OpenSslDigestContextHandle context, byte* signature, nuint signatureLength, byte* data, nuint dataLength);

    [LibraryImport(Library)]
    public static partial void ERR_clear_error();
}
