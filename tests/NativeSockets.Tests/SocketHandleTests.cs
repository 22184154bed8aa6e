using Xunit;

namespace NativeSockets.Tests;

public class SocketHandleTests
{
    [Fact]
    public void OsInvalidSocket_is_minus_one_and_invalid()
    {
        Assert.Equal(-1, NativeSocket.OsInvalidSocket.Value);
        Assert.True(NativeSocket.OsInvalidSocket.IsInvalid);
        Assert.True(new SocketHandle(-1).IsInvalid);
        Assert.Equal(NativeSocket.OsInvalidSocket, new SocketHandle(-1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1234)]
    public void Other_values_are_valid_and_round_trip(int raw)
    {
        var handle = (SocketHandle)(nint)raw;

        Assert.False(handle.IsInvalid);
        Assert.Equal(raw, (nint)handle);
        Assert.Equal(raw, handle.Value);
        Assert.Equal(handle, SocketHandle.FromIntPtr(raw));
        Assert.Equal(raw, handle.ToIntPtr());
        Assert.Equal(raw.ToString(System.Globalization.CultureInfo.InvariantCulture), handle.ToString());
    }

    [Fact]
    public void Equality_compares_the_raw_value()
    {
        var a = new SocketHandle(7);
        var b = new SocketHandle(7);
        var c = new SocketHandle(8);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a != c);
        Assert.False(a == c);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)c));
        Assert.False(a.Equals((object)(nint)7));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(NativeSocket.OsInvalidSocket == a);
    }

    [Fact]
    public void A_created_socket_is_valid_and_its_value_is_the_descriptor()
    {
        using var socket = Support.OwnedSocket.Create();
        using var view = socket.View();

        Assert.False(socket.Handle.IsInvalid);
        Assert.NotEqual(NativeSocket.OsInvalidSocket, socket.Handle);
        Assert.Equal(socket.Handle.Value, view.SafeHandle.DangerousGetHandle());
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetwork, view.AddressFamily);
    }
}
