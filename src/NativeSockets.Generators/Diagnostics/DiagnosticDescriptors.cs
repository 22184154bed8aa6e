using Microsoft.CodeAnalysis;

namespace NativeSockets.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: NSG0001-0099 are syntax errors in a
/// definition file, NSG0100-0199 are definitions that are well formed but wrong, NSG0200-0299 are
/// disagreements between platforms, NSG0900 is a fault in the generator itself. The format they
/// refer to is described in native-defs/README.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NativeSockets.Definitions";

    public static readonly DiagnosticDescriptor UnknownDirective = Error(
        "NSG0001", "Unknown directive", "Unknown directive '{0}'; expected one of: {1}");

    public static readonly DiagnosticDescriptor Syntax = Error(
        "NSG0002", "Malformed definition", "Malformed {0}: {1}");

    public static readonly DiagnosticDescriptor BadNumber = Error(
        "NSG0003", "Bad number", "'{0}' is not a valid {1}: write a decimal or 0x-prefixed hexadecimal integer");

    public static readonly DiagnosticDescriptor Duplicate = Error(
        "NSG0004", "Duplicate name", "{0} '{1}' is defined twice (first at {2})");

    public static readonly DiagnosticDescriptor UnclosedStruct = Error(
        "NSG0005", "Struct not closed", "struct '{0}' has no closing 'end' line");

    public static readonly DiagnosticDescriptor MisplacedLine = Error(
        "NSG0006", "Line in the wrong place", "{0}");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "NSG0100", "Unknown type", "Unknown type '{0}' in {1}: declare it with a 'type' line or a struct block");

    public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
        "NSG0101", "Value out of range", "The value {0} of constant '{1}' does not fit its type '{2}' ({3} to {4})");

    public static readonly DiagnosticDescriptor FieldOutOfBounds = Error(
        "NSG0102", "Field outside its struct", "Field '{0}' ends at byte {1}, past the end of struct '{2}' (size {3})");

    public static readonly DiagnosticDescriptor FieldsOverlap = Error(
        "NSG0103", "Fields overlap", "Field '{0}' (offset {1}) overlaps field '{2}' (offset {3}, size {4}) in struct '{5}'");

    public static readonly DiagnosticDescriptor SizeNotMultipleOfAlignment = Error(
        "NSG0104", "Struct size not a multiple of its alignment", "struct '{0}' has size {1}, which is not a multiple of its alignment {2}");

    public static readonly DiagnosticDescriptor BadAlignment = Error(
        "NSG0105", "Bad alignment", "struct '{0}' has alignment {1}; an alignment is a power of two from 1 to 16");

    public static readonly DiagnosticDescriptor FieldSizeMismatch = Error(
        "NSG0106", "Field size does not match its type", "Field '{0}' says {1} bytes, but its type '{2}' is {3} bytes on this platform");

    public static readonly DiagnosticDescriptor UnknownLibrary = Error(
        "NSG0107", "Unknown library", "Function '{0}' uses library '{1}', which no 'library' line declares");

    public static readonly DiagnosticDescriptor BadPlatformHeader = Error(
        "NSG0108", "Bad platform description", "{0}");

    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "NSG0109", "Type not supported here", "'{0}' cannot be used as {1}: {2}");

    public static readonly DiagnosticDescriptor IncludeNotFound = Error(
        "NSG0110", "Included file not found", "Included file '{0}' is not among the definition files");

    public static readonly DiagnosticDescriptor IncludeCycle = Error(
        "NSG0111", "Include cycle", "Including '{0}' forms a cycle: {1}");

    public static readonly DiagnosticDescriptor StructCycle = Error(
        "NSG0112", "Struct contains itself", "struct '{0}' contains itself by value through field '{1}'");

    public static readonly DiagnosticDescriptor BlockingCallWithoutGCTransition = Error(
        "NSG0113",
        "Blocking call marked nogctransition",
        "Function '{0}' can block or run long (I/O, waiting, name lookups, locale files), so it cannot be marked 'nogctransition': the GC would wait for it");

    public static readonly DiagnosticDescriptor DuplicatePlatform = Error(
        "NSG0200", "Platform defined twice", "Platform '{0}' is defined by two files (the other is {1})");

    public static readonly DiagnosticDescriptor IncompatibleAcrossPlatforms = Error(
        "NSG0201", "Incompatible across platforms", "{0} '{1}' cannot be given one type on every platform: {2}");

    public static readonly DiagnosticDescriptor NameClash = Error(
        "NSG0202", "Name used twice", "'{0}' names both {1} and {2}; a name may stand for one thing only");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "NSG0900", "Generator fault", "The generator failed while reading '{0}': {1}");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
