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

    /// <summary>Whether the body uses localloc, and every metadata token its instructions refer to.</summary>
    public static (bool UsesLocalloc, List<EntityHandle> Tokens) Scan(byte[] il)
    {
        var tokens = new List<EntityHandle>();
        var usesLocalloc = false;
        var offset = 0;
        while (offset < il.Length)
        {
            ushort code = il[offset++];
            if (code == 0xFE)
            {
                code = (ushort)(0xFE00 | il[offset++]);
            }

            if (!OperandTypes.TryGetValue(code, out var operand))
            {
                throw new InvalidDataException($"unknown IL opcode 0x{code:X} at offset {offset}");
            }

            usesLocalloc |= code == Localloc;
            switch (operand)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    offset += 1;
                    break;
                case OperandType.InlineVar:
                    offset += 2;
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineSig
                    or OperandType.InlineTok or OperandType.InlineType:
                    tokens.Add(MetadataTokens.EntityHandle(BitConverter.ToInt32(il, offset)));
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
                    offset += 4;
                    break;
            }
        }

        return (usesLocalloc, tokens);
    }
}
