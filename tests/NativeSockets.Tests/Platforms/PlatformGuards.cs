using System.Collections.Generic;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NativeSockets.Tests.Platforms;

/// <summary>
/// Which parameterless methods of the library give a constant on a platform (PlatformDetection.IsLinuxX64,
/// Native.Defined.NAME, ...): the body is run on constants, with the platform's answers for
/// OperatingSystem.IsX(), the process architecture and IsMusl. A body that does anything else (reads a
/// field, calls anything unknown) is not a constant.
/// </summary>
internal sealed class PlatformGuards(LibraryMetadata library, TargetPlatform platform)
{
    private const int StepLimit = 10_000;
    private readonly Dictionary<EntityHandle, int?> _values = [];

    /// <summary>The constant the method called by <paramref name="token"/> returns on the platform, or null.</summary>
    public int? ValueOf(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        if (_values.TryGetValue(handle, out var known))
        {
            return known;
        }

        _values[handle] = null; // a recursive call is not a constant
        var (typeName, methodName) = library.NameOf(handle);
        var value = platform.Answer(typeName, methodName);
        if (value is null && library.Resolve(handle) is { } method && library.IsParameterless(method))
        {
            value = Run(library.Body(method));
        }

        _values[handle] = value;
        return value;
    }

    private int? Run(List<IlInstruction>? body)
    {
        if (body is null)
        {
            return null;
        }

        var index = new Dictionary<int, int>();
        for (var i = 0; i < body.Count; i++)
        {
            index[body[i].Offset] = i;
        }

        var stack = new Stack<long>();
        var at = 0;
        for (var step = 0; step < StepLimit && at < body.Count; step++)
        {
            var instruction = body[at];
            var opCode = instruction.OpCode;
            at++;
            if (instruction.Int32Constant() is { } constant)
            {
                stack.Push(constant);
            }
            else if (opCode == OpCodes.Call && library.IsCoverageProbe(MetadataTokens.EntityHandle(instruction.Token)))
            {
                if (stack.Count == 0)
                {
                    return null;
                }

                stack.Pop(); // the probe's number
            }
            else if (opCode == OpCodes.Call)
            {
                if (ValueOf(instruction.Token) is not { } value)
                {
                    return null;
                }

                stack.Push(value);
            }
            else if (opCode == OpCodes.Ret)
            {
                return stack.Count == 1 ? (int)stack.Pop() : null;
            }
            else if (opCode == OpCodes.Nop)
            {
            }
            else if (opCode == OpCodes.Br || opCode == OpCodes.Br_S)
            {
                at = index[instruction.Targets[0]];
            }
            else if (opCode == OpCodes.Brtrue || opCode == OpCodes.Brtrue_S || opCode == OpCodes.Brfalse || opCode == OpCodes.Brfalse_S)
            {
                if (stack.Count == 0)
                {
                    return null;
                }

                var taken = (stack.Pop() != 0) == (opCode == OpCodes.Brtrue || opCode == OpCodes.Brtrue_S);
                at = taken ? index[instruction.Targets[0]] : at;
            }
            else if (stack.Count >= 2 && Compare(opCode) is { } compare)
            {
                var right = stack.Pop();
                var left = stack.Pop();
                var result = compare(left, right);
                if (instruction.IsConditionalBranch)
                {
                    at = result ? index[instruction.Targets[0]] : at;
                }
                else
                {
                    stack.Push(result ? 1 : 0);
                }
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The comparison a two-operand branch or compare instruction makes, or null.</summary>
    private static System.Func<long, long, bool>? Compare(OpCode opCode)
    {
        if (opCode == OpCodes.Ceq || opCode == OpCodes.Beq || opCode == OpCodes.Beq_S)
        {
            return (a, b) => a == b;
        }

        if (opCode == OpCodes.Bne_Un || opCode == OpCodes.Bne_Un_S)
        {
            return (a, b) => a != b;
        }

        if (opCode == OpCodes.Cgt || opCode == OpCodes.Bgt || opCode == OpCodes.Bgt_S)
        {
            return (a, b) => a > b;
        }

        if (opCode == OpCodes.Clt || opCode == OpCodes.Blt || opCode == OpCodes.Blt_S)
        {
            return (a, b) => a < b;
        }

        if (opCode == OpCodes.And)
        {
            return (a, b) => (a & b) != 0;
        }

        if (opCode == OpCodes.Or)
        {
            return (a, b) => (a | b) != 0;
        }

        return null;
    }
}
