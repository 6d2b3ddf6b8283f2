using Credstack.Credentials.Status;

namespace Credstack.Credentials.Tests.Status;

public sealed class StatusListTests
{
    [Fact]
    public void Index_zero_is_the_most_significant_bit_of_the_first_byte()
    {
        var list = new StatusList();
        list.Set(0);
        Assert.Equal(0x80, list.Bits[0]);
        list.Clear(0);
        list.Set(7);
        Assert.Equal(0x01, list.Bits[0]);
    }

    [Fact]
    public void Set_get_and_clear_touch_only_the_chosen_entry()
    {
        var list = new StatusList();
        list.Set(94567);
        Assert.True(list.IsSet(94567));
        Assert.False(list.IsSet(94566));
        Assert.False(list.IsSet(94568));
        list.Clear(94567);
        Assert.False(list.IsSet(94567));
        Assert.All(list.Bits.ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_list_shorter_than_131072_entries_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatusList(131_071));
        Assert.Equal(131_072, new StatusList().Length);
    }

    [Fact]
    public void A_two_bit_entry_is_read_big_endian_within_the_entry()
    {
        var list = new StatusList(statusSize: 2);
        list.Set(1, 1);
        list.Set(2, 2);
        list.Set(3, 3);
        Assert.Equal(0x1b, list.Bits[0]);
        Assert.Equal(0, list.Get(0));
        Assert.Equal(1, list.Get(1));
        Assert.Equal(2, list.Get(2));
        Assert.Equal(3, list.Get(3));
        Assert.Equal(32_768, list.Bits.Length);
    }

    [Fact]
    public void An_entry_value_that_does_not_fit_the_status_size_is_refused()
    {
        var list = new StatusList(statusSize: 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Set(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Set(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatusList(statusSize: 0));
    }

    [Fact]
    public void Set_and_get_refuse_an_index_past_the_end()
    {
        var list = new StatusList();
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Get(131_072));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Set(-1));
    }

    [Fact]
    public void Encode_then_decode_returns_the_same_bits()
    {
        var list = new StatusList(200_000, statusSize: 3);
        list.Set(0, 7);
        list.Set(12_345, 5);
        list.Set(199_999, 1);

        var encoded = list.Encode();
        Assert.StartsWith("uH4sI", encoded, StringComparison.Ordinal);
        Assert.DoesNotContain('=', encoded);
        Assert.DoesNotContain('+', encoded);
        Assert.DoesNotContain('/', encoded);

        var decoded = StatusList.Decode(encoded, 3);
        Assert.True(decoded.Succeeded, decoded.Reason);
        Assert.Equal(list.Bits.ToArray(), decoded.List.Bits.ToArray());
        Assert.Equal(7, decoded.List.Get(0));
        Assert.Equal(5, decoded.List.Get(12_345));
        Assert.Equal(1, decoded.List.Get(199_999));
    }
}
