using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NativeSockets.Tests.Platforms;

/// <summary>
/// The compiled library read with System.Reflection.Metadata: names of methods and types, what a
/// method token refers to inside the library, and decoded method bodies.
/// </summary>
internal sealed class LibraryMetadata : IDisposable
{
    private readonly PEReader _pe;
    private readonly Dictionary<MethodDefinitionHandle, List<IlInstruction>?> _bodies = [];

    public LibraryMetadata(string path)
    {
        _pe = new PEReader(File.OpenRead(path));
        Reader = _pe.GetMetadataReader();
    }

    public MetadataReader Reader { get; }

    public void Dispose() => _pe.Dispose();

    /// <summary>The full name of a type of the library (Outer+Nested for nested types).</summary>
    public string NameOf(TypeDefinitionHandle handle)
    {
        var type = Reader.GetTypeDefinition(handle);
        var name = Reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return NameOf(declaring) + "+" + name;
        }

        var space = Reader.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }

    public string NameOf(MethodDefinitionHandle handle)
    {
        var method = Reader.GetMethodDefinition(handle);
        return NameOf(method.GetDeclaringType()) + "." + Reader.GetString(method.Name);
    }

    /// <summary>The declaring type's full name and the method's name for a method token of any kind.</summary>
    public (string Type, string Method) NameOf(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var definition = Reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                return (NameOf(definition.GetDeclaringType()), Reader.GetString(definition.Name));
            case HandleKind.MemberReference:
                var reference = Reader.GetMemberReference((MemberReferenceHandle)handle);
                return (TypeNameOf(reference.Parent), Reader.GetString(reference.Name));
            case HandleKind.MethodSpecification:
                return NameOf(Reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return (string.Empty, string.Empty);
        }
    }

    /// <summary>
    /// Whether a method token calls the hit counter coverlet adds to the library while `dotnet test`
    /// collects coverage (<c>ldc.i4 N; call Tracker.RecordHit(int)</c> in every method and branch): the
    /// file the tests load is then the instrumented one. The counter takes one number and gives nothing,
    /// so the analysis sees through it.
    /// </summary>
    public bool IsCoverageProbe(EntityHandle handle) =>
        NameOf(handle).Type.StartsWith("Coverlet.Core.Instrumentation.Tracker.", StringComparison.Ordinal);

    /// <summary>The library's own method a method token refers to, or null for a method of another assembly.</summary>
    public MethodDefinitionHandle? Resolve(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                return (MethodDefinitionHandle)handle;
            case HandleKind.MethodSpecification:
                return Resolve(Reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            case HandleKind.MemberReference:
                var reference = Reader.GetMemberReference((MemberReferenceHandle)handle);
                if (OwnType(reference.Parent) is not { } type)
                {
                    return null;
                }

                // A member of a generic instance of a library type: the definition with the same name and signature.
                var name = Reader.GetString(reference.Name);
                var signature = Reader.GetBlobContent(reference.Signature);
                foreach (var candidate in Reader.GetTypeDefinition(type).GetMethods())
                {
                    var method = Reader.GetMethodDefinition(candidate);
                    if (Reader.GetString(method.Name) == name && Reader.GetBlobContent(method.Signature).AsSpan().SequenceEqual(signature.AsSpan()))
                    {
                        return candidate;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The library's own type a type token refers to (a definition, or a generic instance of one), or null.</summary>
    public TypeDefinitionHandle? OwnType(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return (TypeDefinitionHandle)handle;
            case HandleKind.TypeSpecification:
                var blob = Reader.GetBlobReader(Reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return null;
                }

                blob.ReadSignatureTypeCode(); // class or value type
                return OwnType(blob.ReadTypeHandle());
            default:
                return null;
        }
    }

    /// <summary>The library's own type that declares the field a field token refers to, or null.</summary>
    public TypeDefinitionHandle? FieldOwner(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.FieldDefinition => Reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType(),
        HandleKind.MemberReference => OwnType(Reader.GetMemberReference((MemberReferenceHandle)handle).Parent),
        _ => null,
    };

    public bool IsParameterless(MethodDefinitionHandle handle)
    {
        var method = Reader.GetMethodDefinition(handle);
        var blob = Reader.GetBlobReader(method.Signature);
        var header = blob.ReadSignatureHeader();
        if (header.IsGeneric)
        {
            blob.ReadCompressedInteger();
        }

        return !header.IsInstance && blob.ReadCompressedInteger() == 0;
    }

    public bool IsValueType(TypeDefinitionHandle handle)
    {
        var baseType = Reader.GetTypeDefinition(handle).BaseType;
        return !baseType.IsNil && TypeNameOf(baseType) is "System.ValueType" or "System.Enum";
    }

    /// <summary>The decoded body of a method, or null when it has none (abstract, extern).</summary>
    public List<IlInstruction>? Body(MethodDefinitionHandle handle)
    {
        if (!_bodies.TryGetValue(handle, out var body))
        {
            var address = Reader.GetMethodDefinition(handle).RelativeVirtualAddress;
            body = address == 0 ? null : IlInstruction.Decode(_pe.GetMethodBody(address));
            _bodies[handle] = body;
        }

        return body;
    }

    /// <summary>Where a method body's exception handlers and filters start: reachable whenever the body is.</summary>
    public IEnumerable<int> HandlerOffsets(MethodDefinitionHandle handle)
    {
        var address = Reader.GetMethodDefinition(handle).RelativeVirtualAddress;
        foreach (var region in _pe.GetMethodBody(address).ExceptionRegions)
        {
            yield return region.HandlerOffset;
            if (region.Kind == ExceptionRegionKind.Filter)
            {
                yield return region.FilterOffset;
            }
        }
    }

    public string UserString(int token) => Reader.GetUserString(MetadataTokens.UserStringHandle(token & 0xFFFFFF));

    /// <summary>Whether code outside the assembly can call the method: public or protected, in a type visible outside.</summary>
    public bool IsVisibleOutside(MethodDefinitionHandle handle)
    {
        var method = Reader.GetMethodDefinition(handle);
        var access = method.Attributes & MethodAttributes.MemberAccessMask;
        return access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem
            && IsVisibleOutside(method.GetDeclaringType());
    }

    private bool IsVisibleOutside(TypeDefinitionHandle handle)
    {
        var type = Reader.GetTypeDefinition(handle);
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        return visibility switch
        {
            TypeAttributes.Public => true,
            TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem => IsVisibleOutside(type.GetDeclaringType()),
            _ => false,
        };
    }

    private string TypeNameOf(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return NameOf((TypeDefinitionHandle)handle);
            case HandleKind.TypeReference:
                var reference = Reader.GetTypeReference((TypeReferenceHandle)handle);
                var space = Reader.GetString(reference.Namespace);
                var name = Reader.GetString(reference.Name);
                return space.Length == 0 ? name : space + "." + name;
            case HandleKind.TypeSpecification:
                return OwnType(handle) is { } own ? NameOf(own) : string.Empty;
            default:
                return string.Empty;
        }
    }
}
