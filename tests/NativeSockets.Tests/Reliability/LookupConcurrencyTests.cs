using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// Eight threads each make ten thousand rounds of every lookup at once (GetServByName, GetServByPort,
/// GetProtoByName, GetHostByName, GetAddrInfo, GetAddrString), each thread asking for its own
/// service, protocol and address, so an answer that crossed from another thread shows as a wrong one.
/// Loopback addresses and the local databases only: no DNS.
/// </summary>
[Collection(nameof(RunsAlone))]
public unsafe class LookupConcurrencyTests
{
    private const int Threads = 8;

    /// <summary>
    /// Rounds per thread. Scaled down under Wine, where every lookup is far slower than on Linux (10,000
    /// rounds on eight threads took 40 s there); 2,000 still interleave the threads' calls many times over.
    /// </summary>
    private static readonly int Rounds = LongRuns.Scale(RunningPlatform.IsWine ? 2_000 : 10_000);

    private static readonly string[] Services = ["http", "https", "ssh", "domain", "smtp", "ftp", "telnet", "pop3"];
    private static readonly (string Name, Protocol Protocol)[] Protocols = [("tcp", Protocol.IPPROTO_TCP), ("udp", Protocol.IPPROTO_UDP), ("icmp", Protocol.IPPROTO_ICMP)];

    [Fact]
    public void Eight_threads_of_ten_thousand_lookups_each_get_only_their_own_answers()
    {
        var failures = new List<string>();
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                LookUp(thread);
            }
            catch (Exception exception)
            {
                lock (failures)
                {
                    failures.Add($"thread {thread}: {exception}");
                }
            }
        })).ToList();

        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => Assert.True(worker.Join(TimeSpan.FromMinutes(LongRuns.Scale(3))), "a lookup thread did not finish"));
        Assert.Empty(failures);
    }

    private static void LookUp(int thread)
    {
        var service = Services[thread];
        var servicePort = ServicesFile.Find(service, "tcp").Port;
        var (protocolName, protocol) = Protocols[thread % Protocols.Length];
        var address = $"127.0.0.{thread + 1}";
        var port = new Port((ushort)(8000 + thread));
        var text = new char[NativeSocket.AddrStringCapacity];
        for (var round = 0; round < Rounds; round++)
        {
            Expect(service, NativeSocket.GetServByName(service, "tcp").Name, round);
            Expect(servicePort, NativeSocket.GetServByPort(new Port((ushort)servicePort), "tcp").Port.Value, round);
            Expect(NativeSocket.ToInt(protocol), NativeSocket.GetProtoByName(protocolName), round);
            Expect(address, NativeSocket.GetHostByName(address).AddrList.Single(), round);

            var list = NativeSocket.GetAddrInfo(address, port);
            try
            {
                Expect(address, NativeSocket.GetAddrString(list->ai_addr), round);
                Expect(address.Length, NativeSocket.GetAddrString(list->ai_addr, text), round);
                Expect(address, new string(text, 0, address.Length), round);
                Expect(port.Value, (int)NativeSocket.Ntohs(((SockAddrIn*)list->ai_addr)->sin_port), round);
            }
            finally
            {
                NativeSocket.FreeAddrInfo(list);
            }
        }
    }

    private static void Expect<T>(T expected, T actual, int round)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"round {round}: expected {expected}, got {actual}"));
        }
    }
}
