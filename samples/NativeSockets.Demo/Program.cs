using System;
using NativeSockets.Demo;

// A loopback tour of NativeSockets: every public member, on 127.0.0.1, ::1 and an AF_UNIX path in a
// fresh temporary directory. Exit code 0 when every step behaved as expected, 1 otherwise.
if (args.Length != 0)
{
    Console.Error.WriteLine("usage: NativeSockets.Demo   (no arguments: runs the loopback tour)");
    return 2;
}

using var tour = new Tour(Console.Out);
return tour.Run();
