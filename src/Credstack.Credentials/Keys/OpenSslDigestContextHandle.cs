using System.Runtime.InteropServices;

namespace Credstack.Credentials.Keys;

/// <summary>An owned OpenSSL <c>EVP_MD_CTX*</c>, freed with EVP_MD_CTX_free.</summary>
internal sealed class OpenSslDigestContextHandle : SafeHandle
{
    public OpenSslDigestContextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        OpenSslInterop.EVP_MD_CTX_free(handle);
        return true;
    }
}
