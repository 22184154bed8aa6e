using System;
using System.Net;
using Xunit;

namespace NativeSockets.Tests;

public class ByteOrderTests
{
    [Fact]
    public void Htons_puts_the_most_significant_byte_first_in_memory()
    {
        Assert.Equal(new byte[] { 0x12, 0x34 }, BitConverter.GetBytes(NativeSocket.Htons(0x1234)));
    }

    [Fact]
    public void Htonl_puts_the_most_significant_byte_first_in_memory()
    {
        Assert.Equal(new byte[] { 0x12, 0x34, 0x56, 0x78 }, BitConverter.GetBytes(NativeSocket.Htonl(0x12345678)));
    }

    [Fact]
    public void Ntohs_and_Ntohl_read_network_order_bytes()
    {
        Assert.Equal((ushort)0xABCD, NativeSocket.Ntohs(BitConverter.ToUInt16([0xAB, 0xCD])));
        Assert.Equal(0xDEADBEEFu, NativeSocket.Ntohl(BitConverter.ToUInt32([0xDE, 0xAD, 0xBE, 0xEF])));
    }

    [Theory]
    [InlineData((ushort)0)]
    [InlineData((ushort)1)]
    [InlineData((ushort)0x1234)]
    [InlineData((ushort)0xFF00)]
    [InlineData((ushort)65535)]
    public void Sixteen_bit_values_round_trip_and_agree_with_System_Net(ushort value)
    {
        Assert.Equal(value, NativeSocket.Ntohs(NativeSocket.Htons(value)));
        Assert.Equal(value, NativeSocket.Htons(NativeSocket.Ntohs(value)));
        Assert.Equal(IPAddress.HostToNetworkOrder(unchecked((short)value)), unchecked((short)NativeSocket.Htons(value)));
        Assert.Equal(IPAddress.NetworkToHostOrder(unchecked((short)value)), unchecked((short)NativeSocket.Ntohs(value)));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(0x7F000001u)]
    [InlineData(0x12345678u)]
    [InlineData(uint.MaxValue)]
    public void Thirty_two_bit_values_round_trip_and_agree_with_System_Net(uint value)
    {
        Assert.Equal(value, NativeSocket.Ntohl(NativeSocket.Htonl(value)));
        Assert.Equal(value, NativeSocket.Htonl(NativeSocket.Ntohl(value)));
        Assert.Equal(IPAddress.HostToNetworkOrder(unchecked((int)value)), unchecked((int)NativeSocket.Htonl(value)));
        Assert.Equal(IPAddress.NetworkToHostOrder(unchecked((int)value)), unchecked((int)NativeSocket.Ntohl(value)));
    }

    [Fact]
    public void Ntohs_reads_the_port_System_Net_serialized()
    {
        var serialized = new IPEndPoint(IPAddress.Loopback, 0x1F90).Serialize();
        var networkOrderPort = BitConverter.ToUInt16(serialized.Buffer.Span[2..4]);

        Assert.Equal((ushort)0x1F90, NativeSocket.Ntohs(networkOrderPort));
    }
}
