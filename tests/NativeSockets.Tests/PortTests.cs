using System.Globalization;
using System.Threading;
using Xunit;

namespace NativeSockets.Tests;

public class PortTests
{
    [Theory]
    [InlineData((ushort)0)]
    [InlineData((ushort)80)]
    [InlineData((ushort)8080)]
    [InlineData((ushort)65535)]
    public void Conversions_keep_the_host_order_number(ushort number)
    {
        var port = (Port)number;
        ushort back = port;

        Assert.Equal(number, back);
        Assert.Equal(number, port.Value);
        Assert.Equal(number, new Port(number).Value);
        Assert.Equal(port, Port.FromUInt16(number));
        Assert.Equal(number, port.ToUInt16());
    }

    [Fact]
    public void Equality_compares_the_number()
    {
        var a = (Port)443;
        var b = new Port(443);
        var c = (Port)444;

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.False(a == c);
        Assert.True(a != c);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)c));
        Assert.False(a.Equals((object)(ushort)443));
        Assert.False(a.Equals(null));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal((Port)0, default);
    }

    [Theory]
    [InlineData((ushort)80, "80")]
    [InlineData((ushort)0, "0")]
    [InlineData((ushort)65535, "65535")]
    public void ToString_is_the_decimal_number_whatever_the_culture(ushort number, string expected)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A culture whose digits and grouping would show through a culture-sensitive formatter.
            var culture = (CultureInfo)CultureInfo.GetCultureInfo("de-DE").Clone();
            culture.NumberFormat.NumberGroupSeparator = "_";
            culture.NumberFormat.PositiveSign = "+";
            Thread.CurrentThread.CurrentCulture = culture;

            Assert.Equal(expected, ((Port)number).ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }
}
