using System;
using System.Linq;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// The enum conversions and the value types and records of the API (NativeSocket.Conversions.cs,
/// SockLen, In6Addr, Servent, Hostent, AddrInfoEntry): every value they refuse is refused by name.
/// </summary>
[Collection(nameof(RunsAlone))]
public class ValueTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(99)]
    [InlineData(int.MaxValue)]
    public void Enum_values_outside_their_enum_throw_naming_the_argument(int value) => Run(() =>
    {
        ThrowsFor<ArgumentOutOfRangeException>("domain", () => NativeSocket.ToInt((Domain)value));
        ThrowsFor<ArgumentOutOfRangeException>("sockType", () => NativeSocket.ToInt((SockType)value));
        ThrowsFor<ArgumentOutOfRangeException>("protocol", () => NativeSocket.ToInt((Protocol)value));
        ThrowsFor<ArgumentOutOfRangeException>("protocol", () => NativeSocket.ToSockType((Protocol)value));
    });

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void ToKnownDomain_of_a_family_it_does_not_name_is_null(int family) => Run(() => Assert.Null(NativeSocket.ToKnownDomain(family)));

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_negative_SockLen_throws_naming_value(int length) => Run(() =>
    {
        ThrowsFor<ArgumentOutOfRangeException>("value", () => SockLen.FromInt32(length));
        ThrowsFor<ArgumentOutOfRangeException>("value", () => _ = (SockLen)length);
    });

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    public void An_In6Addr_of_other_than_16_bytes_throws_naming_bytes(int length) => Run(() =>
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), ThrowsFor<ArgumentException>("bytes", () => _ = new In6Addr(new byte[length])).Message, StringComparison.Ordinal));

    [Fact]
    public void The_records_refuse_null_by_name() => Run(() =>
    {
        ThrowsFor<ArgumentNullException>("name", () => _ = new Servent(null!, [], default, "tcp"));
        ThrowsFor<ArgumentNullException>("aliases", () => _ = new Servent("http", null!, default, "tcp"));
        ThrowsFor<ArgumentNullException>("proto", () => _ = new Servent("http", [], default, null!));
        ThrowsFor<ArgumentNullException>("name", () => _ = new Hostent(null!, [], Domain.AF_INET, 4, []));
        ThrowsFor<ArgumentNullException>("aliases", () => _ = new Hostent("h", null!, Domain.AF_INET, 4, []));
        ThrowsFor<ArgumentNullException>("addrList", () => _ = new Hostent("h", [], Domain.AF_INET, 4, null!));
        ThrowsFor<ArgumentNullException>("endPoint", () => _ = new AddrInfoEntry(null!, 0, 0, 0));
    });

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void OSErrorException_describes_any_code_in_any_space_without_throwing(int code) => Run(() =>
    {
        foreach (var space in Enum.GetValues<OSErrorSpace>().Append((OSErrorSpace)99))
        {
            var exception = new OSErrorException(code, space, "lookup");
            Assert.Equal(code, exception.ErrorCode);
            Assert.EndsWith("Additional info: lookup", exception.Message, StringComparison.Ordinal);
        }
    });
}
