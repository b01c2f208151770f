using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Mikrotik.Nano.HostTests.DeviceCompatibility;

/// <summary>
/// The nanoCLR trap behind "comparing a null string crashes": an element of a <c>string[]</c> that was
/// never assigned (<c>new string[n]</c>; a <c>null</c> in an array initializer, which the compiler does
/// not store; <c>Array.CreateInstance(typeof(string), n)</c>; <c>Array.Clear</c>) is not a real null
/// there. <c>x == null</c> in a value context says false, and String's <c>==</c>, <c>!=</c>,
/// <c>Equals</c>, <c>Compare</c> or a short string <c>switch</c> on it end the runtime with SIGSEGV. A
/// real null (a parameter, a field, an element assigned <c>null</c>) is safe everywhere.
/// </summary>
/// <remarks>
/// The rule goes to the source rather than to the comparisons: a comparison rule would miss the
/// reference compare and the wrong <c>== null</c> answers, and would ban the safe majority of string
/// comparisons. A <c>string[]</c> may only be created empty or by an initializer that stores every
/// element, <c>Array.CreateInstance</c> is not used, and <c>Array.Clear</c> is not called in a method
/// that handles a <c>string[]</c>. Not seen: a string[] cleared through an <c>Array</c>-typed alias in
/// another method, and arrays made outside the assembly (public APIs taking names check them with
/// <c>string.IsNullOrEmpty</c>, which recognises the trap value).
/// </remarks>
internal static class DefaultStringElementRule
{
    private const ushort Dup = 0x25;
    private const ushort Newarr = 0x8D;
    private const ushort Call = 0x28;
    private const ushort Ret = 0x2A;

    public const string Advice =
        "its unassigned elements are not real nulls on nanoCLR (== null is false; string ==/!=/Equals/Compare/switch on them crash with SIGSEGV): "
        + "only new string[0] and an initializer without null elements are accepted; keep a runtime-sized list of strings in an object[] and cast on read";

    /// <summary>One line per creation of a string array with unassigned elements in the method body.</summary>
    public static IEnumerable<string> Check(MetadataReader reader, MethodDefinition method, MethodBodyBlock body, string methodName)
    {
        var code = ILScanner.Instructions(body.GetILBytes()!);
        var clearsArray = false;
        for (var i = 0; i < code.Count; i++)
        {
            var instruction = code[i];
            if (instruction.OpCode == Newarr && IsString(reader, instruction.Token))
            {
                var length = i > 0 ? ConstantOf(code[i - 1]) : null;
                if (length == 0 || (length > 0 && StoresEveryElement(code, i + 1, length.Value)))
                {
                    continue;
                }

                yield return $"string array with unassigned elements (new string[{(length?.ToString() ?? "n")}]) in {methodName}: {Advice}";
            }
            else if (instruction.OpCode == Call && instruction.Token.Kind == HandleKind.MemberReference)
            {
                var member = reader.GetMemberReference((MemberReferenceHandle)instruction.Token);
                if (reader.GetString(member.Name) == "CreateInstance" && member.Parent.Kind == HandleKind.TypeReference
                    && Names.Of(reader, (TypeReferenceHandle)member.Parent) == "System.Array")
                {
                    yield return $"System.Array::CreateInstance in {methodName}: for a string array {Advice}; for other types use new T[n]";
                }

                clearsArray |= reader.GetString(member.Name) == "Clear" && member.Parent.Kind == HandleKind.TypeReference
                    && Names.Of(reader, (TypeReferenceHandle)member.Parent) == "System.Array";
            }
        }

        // Array.Clear takes any Array, so its target's type is not at the call: a method that clears an
        // array and also handles a string[] is flagged (clearing a byte[] elsewhere stays fine).
        if (clearsArray && HandlesStringArray(reader, method, body, code))
        {
            yield return $"System.Array::Clear in {methodName}, which handles a string[]: clearing a string[] leaves unassigned elements; {Advice}";
        }
    }

    private static bool HandlesStringArray(MetadataReader reader, MethodDefinition method, MethodBodyBlock body, List<ILScanner.Instruction> code)
    {
        var namer = new SignatureNamer();
        var parameters = method.DecodeSignature(namer, null).ParameterTypes;
        var firstParameter = (method.Attributes & System.Reflection.MethodAttributes.Static) != 0 ? 0 : 1;
        var locals = body.LocalSignature.IsNil
            ? System.Collections.Immutable.ImmutableArray<string>.Empty
            : reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(namer, null);
        foreach (var instruction in code)
        {
            if (instruction.OpCode == Newarr && IsString(reader, instruction.Token))
            {
                return true;
            }

            var type = TypeLoaded(reader, namer, instruction, parameters, firstParameter, locals);
            if (type == StringArray)
            {
                return true;
            }
        }

        return false;
    }

    private const string StringArray = "String[]";

    /// <summary>The type an instruction loads from an argument, local, field or call, or null.</summary>
    private static string? TypeLoaded(
        MetadataReader reader,
        SignatureNamer namer,
        ILScanner.Instruction instruction,
        System.Collections.Immutable.ImmutableArray<string> parameters,
        int firstParameter,
        System.Collections.Immutable.ImmutableArray<string> locals)
    {
        int? argument = instruction.OpCode switch
        {
            >= 0x02 and <= 0x05 => instruction.OpCode - 0x02,
            0x0E or 0xFE09 => (int)instruction.Operand,
            _ => null,
        };
        if (argument != null)
        {
            var index = argument.Value - firstParameter;
            return index >= 0 && index < parameters.Length ? parameters[index] : null;
        }

        int? local = instruction.OpCode switch
        {
            >= 0x06 and <= 0x09 => instruction.OpCode - 0x06,
            0x11 or 0xFE0C => (int)instruction.Operand,
            _ => null,
        };
        if (local != null)
        {
            return local.Value < locals.Length ? locals[local.Value] : null;
        }

        var token = instruction.Token;
        return (instruction.OpCode, token.Kind) switch
        {
            (0x7B or 0x7E, HandleKind.FieldDefinition) => reader.GetFieldDefinition((FieldDefinitionHandle)token).DecodeSignature(namer, null),
            (0x7B or 0x7E, HandleKind.MemberReference) => reader.GetMemberReference((MemberReferenceHandle)token).DecodeFieldSignature(namer, null),
            (0x28 or 0x6F, HandleKind.MethodDefinition) => reader.GetMethodDefinition((MethodDefinitionHandle)token).DecodeSignature(namer, null).ReturnType,
            (0x28 or 0x6F, HandleKind.MemberReference) when reader.GetMemberReference((MemberReferenceHandle)token).GetKind() == MemberReferenceKind.Method
                => reader.GetMemberReference((MemberReferenceHandle)token).DecodeMethodSignature(namer, null).ReturnType,
            _ => null,
        };
    }

    /// <summary>
    /// Whether the instructions after a <c>newarr</c> of <paramref name="length"/> elements are the
    /// compiler's initializer sequence storing every index in order: <c>dup; ldc.i4 k; (value); stelem</c>.
    /// </summary>
    private static bool StoresEveryElement(List<ILScanner.Instruction> code, int start, int length)
    {
        var next = 0;
        for (var i = start; i + 1 < code.Count && next < length; i++)
        {
            // Another array or the method's end: the sequence is over (nested arrays count as unproven).
            if (code[i].OpCode == Newarr || code[i].OpCode == Ret)
            {
                break;
            }

            if (code[i].OpCode == Dup && ConstantOf(code[i + 1]) == next)
            {
                next++;
            }
        }

        return next == length;
    }

    private static int? ConstantOf(ILScanner.Instruction instruction)
    {
        var value = (short)instruction.OpCode;
        if (value >= OpCodes.Ldc_I4_0.Value && value <= OpCodes.Ldc_I4_8.Value)
        {
            return value - OpCodes.Ldc_I4_0.Value;
        }

        return value == OpCodes.Ldc_I4_S.Value || value == OpCodes.Ldc_I4.Value ? (int)instruction.Operand : null;
    }

    private static bool IsString(MetadataReader reader, EntityHandle type) =>
        type.Kind == HandleKind.TypeReference && Names.Of(reader, (TypeReferenceHandle)type) == "System.String";
}
