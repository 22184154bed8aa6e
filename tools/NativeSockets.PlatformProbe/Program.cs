using System;
using NativeSockets;

// Opens and closes a TCP socket and prints the running platform's AF_INET6: enough to pull the
// platform tests of the socket, close and constant paths into the binary.
var socket = NativeSocket.CreateNativeSocket(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP);
Console.WriteLine($"AF_INET6 = {NativeSocket.ToInt(Domain.AF_INET6)}, socket opened: {socket != NativeSocket.OsInvalidSocket}");
NativeSocket.Close(socket);
return socket != NativeSocket.OsInvalidSocket ? 0 : 1;
