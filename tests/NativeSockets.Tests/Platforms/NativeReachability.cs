using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NativeSockets.Tests.Platforms;

/// <summary>
/// What a method of the library can reach on one platform: the call graph through the library's own
/// methods (call, callvirt, newobj, ldftn; the static constructors of the types used; every virtual
/// method of a type once it is created, so interface calls reach the implementations that exist there),
/// where a branch on a platform test (OperatingSystem.IsX(), PlatformDetection.IsP, Native.Defined.NAME,
/// any parameterless method of the library that is a constant there) follows only the side the platform
/// takes. It ends at the generated facade's <c>PlatformDetection.Missing("NAME")</c>, which is where a
/// facade member goes when the platform does not define NAME, and at the platform's own bindings.
/// </summary>
internal sealed class NativeReachability(LibraryMetadata library, TargetPlatform platform)
{
    private const string Interop = "NativeSockets.Interop.";
    private static readonly string[] PlatformClasses = [.. TargetPlatform.All.Select(p => Interop + p.ClassName)];
    private readonly PlatformGuards _guards = new(library, platform);
    private readonly Dictionary<MethodDefinitionHandle, List<Step>> _steps = [];

    public TargetPlatform Platform => platform;

    /// <summary>Everything <paramref name="root"/> reaches on the platform.</summary>
    public Reach Walk(MethodDefinitionHandle root)
    {
        var reach = new Reach();
        var parents = new Dictionary<MethodDefinitionHandle, MethodDefinitionHandle?> { [root] = null };
        var queue = new Queue<MethodDefinitionHandle>();
        queue.Enqueue(root);
        void Add(MethodDefinitionHandle method, MethodDefinitionHandle from)
        {
            if (parents.TryAdd(method, from))
            {
                queue.Enqueue(method);
            }
        }

        void Create(TypeDefinitionHandle type, MethodDefinitionHandle from)
        {
            if (!reach.Created.Add(type))
            {
                return;
            }

            foreach (var method in library.Reader.GetTypeDefinition(type).GetMethods())
            {
                var attributes = library.Reader.GetMethodDefinition(method).Attributes;
                if ((attributes & MethodAttributes.Virtual) != 0 || IsStaticConstructor(method))
                {
                    Add(method, from);
                }
            }
        }

        AddStaticConstructor(library.Reader.GetMethodDefinition(root).GetDeclaringType(), root, Add);
        while (queue.Count > 0)
        {
            var method = queue.Dequeue();
            reach.Methods.Add(method);
            var owner = library.NameOf(library.Reader.GetMethodDefinition(method).GetDeclaringType());
            if (owner == Interop + "Native" || owner.StartsWith(Interop + "Native+", System.StringComparison.Ordinal))
            {
                reach.FacadeMembers.Add(library.NameOf(method)[Interop.Length..]);
            }

            foreach (var step in StepsOf(method))
            {
                switch (step)
                {
                    case Step.Missing missing:
                        reach.Missing.Add((missing.Name, PathTo(method, parents)));
                        break;
                    case Step.Binding binding when binding.ClassName == Interop + platform.ClassName:
                        reach.Bindings.Add(binding.Name);
                        break;
                    case Step.Binding binding:
                        reach.Missing.Add(($"{binding.ClassName}.{binding.Name} (another platform's binding)", PathTo(method, parents)));
                        break;
                    case Step.Call call:
                        Add(call.Method, method);
                        AddStaticConstructor(library.Reader.GetMethodDefinition(call.Method).GetDeclaringType(), method, Add);
                        break;
                    case Step.Create create:
                        Create(create.Type, method);
                        break;
                    case Step.Initialise initialise:
                        AddStaticConstructor(initialise.Type, method, Add);
                        break;
                }
            }
        }

        return reach;
    }

    private string PathTo(MethodDefinitionHandle method, Dictionary<MethodDefinitionHandle, MethodDefinitionHandle?> parents)
    {
        var path = new List<string>();
        for (MethodDefinitionHandle? at = method; at is { } current; at = parents[current])
        {
            path.Add(library.NameOf(current));
        }

        path.Reverse();
        return string.Join(" -> ", path);
    }

    private void AddStaticConstructor(TypeDefinitionHandle type, MethodDefinitionHandle from, System.Action<MethodDefinitionHandle, MethodDefinitionHandle> add)
    {
        foreach (var method in library.Reader.GetTypeDefinition(type).GetMethods())
        {
            if (IsStaticConstructor(method))
            {
                add(method, from);
            }
        }
    }

    private bool IsStaticConstructor(MethodDefinitionHandle method) =>
        library.Reader.GetString(library.Reader.GetMethodDefinition(method).Name) == ".cctor";

    /// <summary>What the instructions of <paramref name="method"/> that run on the platform call, create and name.</summary>
    private List<Step> StepsOf(MethodDefinitionHandle method)
    {
        if (_steps.TryGetValue(method, out var known))
        {
            return known;
        }

        var steps = new List<Step>();
        _steps[method] = steps;
        var body = library.Body(method);
        if (body is null)
        {
            return steps;
        }

        foreach (var at in ReachableInstructions(method, body))
        {
            var instruction = body[at];
            switch (instruction.OpCode.OperandType)
            {
                case OperandType.InlineMethod:
                    AddCall(steps, body, at);
                    break;
                case OperandType.InlineField:
                    if (library.FieldOwner(MetadataTokens.EntityHandle(instruction.Token)) is { } owner)
                    {
                        steps.Add(new Step.Initialise(owner));
                        if (library.IsValueType(owner))
                        {
                            steps.Add(new Step.Create(owner));
                        }
                    }

                    break;
                case OperandType.InlineType or OperandType.InlineTok:
                    if (library.OwnType(MetadataTokens.EntityHandle(instruction.Token)) is { } type)
                    {
                        steps.Add(new Step.Create(type));
                    }

                    break;
            }
        }

        return steps;
    }

    private void AddCall(List<Step> steps, List<IlInstruction> body, int at)
    {
        var instruction = body[at];
        var handle = MetadataTokens.EntityHandle(instruction.Token);
        var (type, name) = library.NameOf(handle);
        if (library.IsCoverageProbe(handle))
        {
            return;
        }

        if (type == Interop + "PlatformDetection" && name == "Missing")
        {
            var named = at > 0 && body[at - 1].OpCode == OpCodes.Ldstr ? library.UserString(body[at - 1].Token) : "(unnamed)";
            steps.Add(new Step.Missing(named));
            return;
        }

        if (PlatformClasses.FirstOrDefault(c => type == c || type.StartsWith(c + "+", System.StringComparison.Ordinal)) is { } platformClass)
        {
            steps.Add(new Step.Binding(platformClass, name));
            return;
        }

        if (library.Resolve(handle) is { } callee)
        {
            steps.Add(new Step.Call(callee));
            if (instruction.OpCode == OpCodes.Newobj)
            {
                steps.Add(new Step.Create(library.Reader.GetMethodDefinition(callee).GetDeclaringType()));
            }
        }
    }

    /// <summary>The indexes of the instructions that can run on the platform.</summary>
    private SortedSet<int> ReachableInstructions(MethodDefinitionHandle method, List<IlInstruction> body)
    {
        var index = new Dictionary<int, int>();
        for (var i = 0; i < body.Count; i++)
        {
            index[body[i].Offset] = i;
        }

        var handlers = library.HandlerOffsets(method).ToList();
        var joins = new HashSet<int>(body.SelectMany(i => i.Targets).Concat(handlers));
        var reached = new SortedSet<int>();
        var pending = new Stack<int>([0, .. handlers.Select(h => index[h])]);
        while (pending.Count > 0)
        {
            var at = pending.Pop();
            if (at >= body.Count || !reached.Add(at))
            {
                continue;
            }

            var instruction = body[at];
            switch (instruction.OpCode.FlowControl)
            {
                case FlowControl.Return or FlowControl.Throw:
                    break;
                case FlowControl.Branch:
                    pending.Push(index[instruction.Targets[0]]);
                    break;
                case FlowControl.Cond_Branch:
                    var taken = instruction.IsConditionalBranch && !joins.Contains(instruction.Offset) ? Decide(body, at, joins) : null;
                    if (taken != false)
                    {
                        foreach (var target in instruction.Targets)
                        {
                            pending.Push(index[target]);
                        }
                    }

                    if (taken != true)
                    {
                        pending.Push(at + 1);
                    }

                    break;
                default:
                    pending.Push(at + 1);
                    break;
            }
        }

        return reached;
    }

    /// <summary>Whether the conditional branch at <paramref name="at"/> is taken on the platform, or null when that is not a constant.</summary>
    private bool? Decide(List<IlInstruction> body, int at, HashSet<int> joins)
    {
        var branch = body[at].OpCode;
        if (branch == OpCodes.Brtrue || branch == OpCodes.Brtrue_S || branch == OpCodes.Brfalse || branch == OpCodes.Brfalse_S)
        {
            return ConstantAt(body, at - 1, joins) is { } value ? (value != 0) == (branch == OpCodes.Brtrue || branch == OpCodes.Brtrue_S) : null;
        }

        if (at < 2 || joins.Contains(body[at - 1].Offset) || ConstantAt(body, at - 1, joins) is not { } right || ConstantAt(body, at - 2, joins) is not { } left)
        {
            return null;
        }

        return branch.Name switch
        {
            "beq" or "beq.s" => left == right,
            "bne.un" or "bne.un.s" => left != right,
            "bgt" or "bgt.s" => left > right,
            "bge" or "bge.s" => left >= right,
            "blt" or "blt.s" => left < right,
            "ble" or "ble.s" => left <= right,
            _ => null,
        };
    }

    /// <summary>
    /// The value instruction <paramref name="at"/> pushes when it is a constant on the platform: a constant,
    /// a call of a platform test, or a local the method writes once, with such a value (<c>var atomic =
    /// Native.Defined.kqueuex;</c>), and never lends by address.
    /// </summary>
    private int? ConstantAt(List<IlInstruction> body, int at, HashSet<int> joins)
    {
        if (at < 0)
        {
            return null;
        }

        var instruction = body[at];
        if (instruction.LoadedLocal() is { } local)
        {
            if (body.Any(i => i.AddressedLocal() == local))
            {
                return null;
            }

            var stores = Enumerable.Range(0, body.Count).Where(i => body[i].StoredLocal() == local).ToList();
            return stores is [var store] && !joins.Contains(body[store].Offset) ? ConstantAt(body, store - 1, joins) : null;
        }

        return instruction.OpCode == OpCodes.Call ? _guards.ValueOf(instruction.Token) : instruction.Int32Constant();
    }

    /// <summary>What one method does that matters to the walk.</summary>
    private abstract record Step
    {
        public sealed record Call(MethodDefinitionHandle Method) : Step;

        public sealed record Create(TypeDefinitionHandle Type) : Step;

        public sealed record Initialise(TypeDefinitionHandle Type) : Step;

        public sealed record Missing(string Name) : Step;

        public sealed record Binding(string ClassName, string Name) : Step;
    }
}

/// <summary>What one public member reaches on one platform.</summary>
internal sealed class Reach
{
    public HashSet<MethodDefinitionHandle> Methods { get; } = [];

    public HashSet<TypeDefinitionHandle> Created { get; } = [];

    public HashSet<string> FacadeMembers { get; } = [];

    public HashSet<string> Bindings { get; } = [];

    /// <summary>Each native name reached that the platform does not define, with the calls that lead there.</summary>
    public List<(string Name, string Path)> Missing { get; } = [];
}
