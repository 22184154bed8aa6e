using System;
using Xunit;

namespace NativeSockets.Tests;

public class SockLenTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(128)]
    [InlineData(int.MaxValue)]
    public void Non_negative_ints_convert(int value)
    {
        SockLen implicitLength = value;

        Assert.Equal((uint)value, implicitLength.Value);
        Assert.Equal((uint)value, SockLen.FromInt32(value).ToUInt32());
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), implicitLength.ToString());
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(28u)]
    [InlineData(uint.MaxValue)]
    public void Uints_convert_both_ways(uint value)
    {
        SockLen length = value;
        uint back = length;

        Assert.Equal(value, back);
        Assert.Equal(value, new SockLen(value).Value);
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), length.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Negative_lengths_are_rejected(int value)
    {
        var fromMethod = Assert.Throws<ArgumentOutOfRangeException>(() => SockLen.FromInt32(value));
        var fromConversion = Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            SockLen length = value;
            return length;
        });

        Assert.Equal("value", fromMethod.ParamName);
        Assert.Equal(value, fromMethod.ActualValue);
        Assert.Equal("value", fromConversion.ParamName);
    }

    [Fact]
    public void Equality_compares_the_length()
    {
        SockLen a = 16;
        SockLen b = 16u;
        SockLen c = 28;

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a != c);
        Assert.False(a == c);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)c));
        Assert.False(a.Equals((object)16u));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(default, (SockLen)0);
    }
}
