using System;
using System.Buffers.Binary;

namespace NativeSockets;

public static partial class NativeSocket
{
    /// <summary>Nim's <c>ntohl</c>: a 32-bit value from network to host byte order.</summary>
    public static uint Ntohl(uint value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;

    /// <summary>Nim's <c>ntohs</c>: a 16-bit value from network to host byte order.</summary>
    public static ushort Ntohs(ushort value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;

    /// <summary>Nim's <c>htonl</c>: a 32-bit value from host to network byte order.</summary>
    public static uint Htonl(uint value) => Ntohl(value);

    /// <summary>Nim's <c>htons</c>: a 16-bit value from host to network byte order.</summary>
    public static ushort Htons(ushort value) => Ntohs(value);
}
