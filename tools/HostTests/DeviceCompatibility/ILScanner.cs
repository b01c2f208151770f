using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Mikrotik.Nano.HostTests.DeviceCompatibility;

/// <summary>
/// Walks a method body instruction by instruction (operand sizes from the runtime's own opcode table), so
/// that opcode bytes inside operands are never mistaken for instructions.
/// </summary>
internal static class ILScanner
{
    private static readonly Dictionary<ushort, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value), o => o.OperandType);

    private static readonly ushort Localloc = unchecked((ushort)OpCodes.Localloc.Value);

    /// <summary>One decoded instruction: its opcode, its integer operand (if any) and its token (if any).</summary>
    public readonly record struct Instruction(ushort OpCode, long Operand, EntityHandle Token);

    /// <summary>Whether the body uses localloc, and every metadata token its instructions refer to.</summary>
    public static (bool UsesLocalloc, List<EntityHandle> Tokens) Scan(byte[] il)
    {
        var code = Instructions(il);
        var tokens = code.Where(i => !i.Token.IsNil).Select(i => i.Token).ToList();
        return (code.Any(i => i.OpCode == Localloc), tokens);
    }

    /// <summary>The body's instructions in order.</summary>
    public static List<Instruction> Instructions(byte[] il)
    {
        var code = new List<Instruction>();
        var offset = 0;
        while (offset < il.Length)
        {
            ushort op = il[offset++];
            if (op == 0xFE)
            {
                op = (ushort)(0xFE00 | il[offset++]);
            }

            if (!OperandTypes.TryGetValue(op, out var operand))
            {
                throw new InvalidDataException($"unknown IL opcode 0x{op:X} at offset {offset}");
            }

            long value = 0;
            EntityHandle token = default;
            switch (operand)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    value = operand == OperandType.ShortInlineI ? (sbyte)il[offset] : il[offset];
                    offset += 1;
                    break;
                case OperandType.InlineVar:
                    value = BitConverter.ToUInt16(il, offset);
                    offset += 2;
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineSig
                    or OperandType.InlineTok or OperandType.InlineType:
                    token = MetadataTokens.EntityHandle(BitConverter.ToInt32(il, offset));
                    offset += 4;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    offset += 4 + (4 * BitConverter.ToInt32(il, offset));
                    break;
                default:
                    // InlineI, InlineBrTarget, InlineString, ShortInlineR
                    value = BitConverter.ToInt32(il, offset);
                    offset += 4;
                    break;
            }

            code.Add(new Instruction(op, value, token));
        }

        return code;
    }
}
