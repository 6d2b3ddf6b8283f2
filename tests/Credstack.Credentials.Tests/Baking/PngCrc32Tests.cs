using System.Text;
using Credstack.Credentials.Baking;

namespace Credstack.Credentials.Tests.Baking;

public sealed class PngCrc32Tests
{
    [Fact]
    public void The_crc_of_the_iend_chunk_type_is_the_value_every_png_ends_with()
    {
        Assert.Equal(0xAE426082u, PngCrc32.Compute("IEND"u8));
    }

    [Fact]
    public void The_crc_matches_the_standard_check_value_for_123456789()
    {
        Assert.Equal(0xCBF43926u, PngCrc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Appending_in_parts_gives_the_same_crc_as_one_pass()
    {
        var running = PngCrc32.Append(0xFFFFFFFFu, "iTXt"u8);
        Assert.Equal(PngCrc32.Compute("iTXthello"u8), PngCrc32.Append(running, "hello"u8) ^ 0xFFFFFFFFu);
    }
}
