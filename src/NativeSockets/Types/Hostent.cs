using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace NativeSockets;

/// <summary>
/// Nim's <c>Hostent</c>: a host, as <see cref="NativeSocket.GetHostByName"/> and
/// <see cref="NativeSocket.GetHostByAddr"/> return it. Immutable. Unlike Nim, <see cref="AddrList"/>
/// holds text for both families: dotted quads for IPv4, IPv6 text for IPv6.
/// </summary>
public sealed class Hostent
{
    /// <summary>A host entry; <paramref name="aliases"/> and <paramref name="addrList"/> are copied.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Hostent(string name, IEnumerable<string> aliases, Domain addrType, int length, IEnumerable<string> addrList)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(addrList);
        Name = name;
        Aliases = aliases.ToList().AsReadOnly();
        AddrType = addrType;
        Length = length;
        AddrList = addrList.ToList().AsReadOnly();
    }

    /// <summary>The official name of the host (<c>h_name</c>).</summary>
    public string Name { get; }

    /// <summary>The other names of the host (<c>h_aliases</c>).</summary>
    public ReadOnlyCollection<string> Aliases { get; }

    /// <summary>The family of the addresses (<c>h_addrtype</c>): <see cref="Domain.AF_INET"/> or <see cref="Domain.AF_INET6"/>.</summary>
    public Domain AddrType { get; }

    /// <summary>The length in bytes of each address (<c>h_length</c>): 4 for IPv4, 16 for IPv6.</summary>
    public int Length { get; }

    /// <summary>The host's addresses as text (<c>h_addr_list</c>), v4-mapped IPv6 ones shortened to their dotted quad.</summary>
    public ReadOnlyCollection<string> AddrList { get; }

    /// <summary>The entry as /etc/hosts writes it: the first address, the name, the aliases.</summary>
    public override string ToString() => string.Join(' ', AddrList.Take(1).Append(Name).Concat(Aliases));
}
