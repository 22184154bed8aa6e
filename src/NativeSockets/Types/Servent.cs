using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace NativeSockets;

/// <summary>
/// Nim's <c>Servent</c>: a service from the services database, as <see cref="NativeSocket.GetServByName"/>
/// and <see cref="NativeSocket.GetServByPort"/> return it. Immutable. Unlike Nim, <see cref="Port"/> is in
/// host byte order (http is 80, not 20480).
/// </summary>
public sealed class Servent
{
    /// <summary>A service entry; <paramref name="aliases"/> is copied.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Servent(string name, IEnumerable<string> aliases, Port port, string proto)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(proto);
        Name = name;
        Aliases = aliases.ToList().AsReadOnly();
        Port = port;
        Proto = proto;
    }

    /// <summary>The official name of the service (<c>s_name</c>), e.g. "http".</summary>
    public string Name { get; }

    /// <summary>The other names of the service (<c>s_aliases</c>), e.g. "www" for http.</summary>
    public ReadOnlyCollection<string> Aliases { get; }

    /// <summary>The port, in host byte order (<c>ntohs(s_port)</c>).</summary>
    public Port Port { get; }

    /// <summary>The protocol the service uses (<c>s_proto</c>), e.g. "tcp".</summary>
    public string Proto { get; }

    /// <summary>The entry as /etc/services writes it, e.g. <c>"http 80/tcp www"</c>.</summary>
    public override string ToString() => string.Join(' ', new[] { Name, $"{Port}/{Proto}" }.Concat(Aliases));
}
