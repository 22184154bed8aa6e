using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NativeSockets.Tests.Platforms;

/// <summary>
/// One IL instruction of a method body: its offset, opcode and operand (a metadata token, a constant,
/// or the branch targets as offsets).
/// </summary>
internal sealed record IlInstruction(int Offset, OpCode OpCode, long Operand, ImmutableArray<int> Targets)
{
    private static readonly Dictionary<short, OpCode> s_opCodes = LoadOpCodes();

    /// <summary>The metadata token operand (call, newobj, ldsfld, ldstr...).</summary>
    public int Token => (int)Operand;

    public bool IsConditionalBranch => OpCode.FlowControl == FlowControl.Cond_Branch && OpCode != OpCodes.Switch;

    /// <summary>Decodes a whole method body.</summary>
    public static List<IlInstruction> Decode(MethodBodyBlock body)
    {
        var reader = body.GetILReader();
        var instructions = new List<IlInstruction>();
        while (reader.RemainingBytes > 0)
        {
            var offset = reader.Offset;
            short value = reader.ReadByte();
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | reader.ReadByte()));
            }

            var opCode = s_opCodes[value];
            long operand = 0;
            var targets = ImmutableArray<int>.Empty;
            switch (opCode.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                    operand = reader.ReadSByte();
                    targets = [reader.Offset + (int)operand];
                    break;
                case OperandType.InlineBrTarget:
                    operand = reader.ReadInt32();
                    targets = [reader.Offset + (int)operand];
                    break;
                case OperandType.ShortInlineI:
                    operand = opCode == OpCodes.Ldc_I4_S ? reader.ReadSByte() : reader.ReadByte();
                    break;
                case OperandType.ShortInlineVar:
                    operand = reader.ReadByte();
                    break;
                case OperandType.InlineVar:
                    operand = reader.ReadUInt16();
                    break;
                case OperandType.InlineI8:
                    operand = reader.ReadInt64();
                    break;
                case OperandType.InlineR:
                    reader.ReadDouble();
                    break;
                case OperandType.ShortInlineR:
                    reader.ReadSingle();
                    break;
                case OperandType.InlineSwitch:
                    var count = reader.ReadInt32();
                    var relative = new int[count];
                    for (var i = 0; i < count; i++)
                    {
                        relative[i] = reader.ReadInt32();
                    }

                    var end = reader.Offset;
                    targets = [.. Array.ConvertAll(relative, r => end + r)];
                    break;
                default:
                    // InlineI, InlineField, InlineMethod, InlineSig, InlineString, InlineTok, InlineType.
                    operand = reader.ReadInt32();
                    break;
            }

            instructions.Add(new IlInstruction(offset, opCode, operand, targets));
        }

        return instructions;
    }

    /// <summary>The value an <c>ldc.i4*</c> instruction pushes, or null for any other instruction.</summary>
    public int? Int32Constant()
    {
        if (OpCode == OpCodes.Ldc_I4 || OpCode == OpCodes.Ldc_I4_S)
        {
            return (int)Operand;
        }

        return OpCode.Value switch
        {
            0x15 => -1, // ldc.i4.m1
            >= 0x16 and <= 0x1E => OpCode.Value - 0x16, // ldc.i4.0 ... ldc.i4.8
            _ => null,
        };
    }

    /// <summary>The local an <c>ldloc*</c> instruction reads, or null for any other instruction.</summary>
    public int? LoadedLocal() => OpCode.Value switch
    {
        >= 0x06 and <= 0x09 => OpCode.Value - 0x06, // ldloc.0 ... ldloc.3
        0x11 or unchecked((short)0xFE0C) => (int)Operand, // ldloc.s, ldloc
        _ => null,
    };

    /// <summary>The local an <c>stloc*</c> instruction writes, or null for any other instruction.</summary>
    public int? StoredLocal() => OpCode.Value switch
    {
        >= 0x0A and <= 0x0D => OpCode.Value - 0x0A, // stloc.0 ... stloc.3
        0x13 or unchecked((short)0xFE0E) => (int)Operand, // stloc.s, stloc
        _ => null,
    };

    /// <summary>The local an <c>ldloca*</c> instruction takes the address of (to write it elsewhere), or null.</summary>
    public int? AddressedLocal() => OpCode.Value is 0x12 or unchecked((short)0xFE0D) ? (int)Operand : null;

    private static Dictionary<short, OpCode> LoadOpCodes()
    {
        var opCodes = new Dictionary<short, OpCode>();
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var opCode = (OpCode)field.GetValue(null)!;
            opCodes[opCode.Value] = opCode;
        }

        return opCodes;
    }
}
