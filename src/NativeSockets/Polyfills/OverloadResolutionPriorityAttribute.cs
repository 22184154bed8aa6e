#if !NET9_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>
/// .NET 9's attribute, for the net8.0 build: C# 13 compilers read it by name, so an internal copy makes
/// a plain call such as <c>GetAddrInfo(null, port)</c> pick the same overload there as on .NET 9 and later.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
internal sealed class OverloadResolutionPriorityAttribute(int priority) : Attribute
{
    /// <summary>The overload's priority: higher wins among applicable overloads.</summary>
    public int Priority { get; } = priority;
}
#endif
