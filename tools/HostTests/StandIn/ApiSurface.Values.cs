using System.Collections.Immutable;
using System.Reflection.Metadata;
using Mikrotik.Nano.HostTests.DeviceCompatibility;

namespace Mikrotik.Nano.HostTests.StandIn;

/// <content>How attributes and constant values (parameter defaults, literal fields) are written in a surface line.</content>
public static partial class ApiSurface
{
    /// <summary>Attributes that change how a caller compiles; all others (nullability, debugger...) are left out.</summary>
    private static readonly HashSet<string> CallerVisibleAttributes =
    [
        "System.ObsoleteAttribute",
        "System.AttributeUsageAttribute",
        "System.ParamArrayAttribute",
        "System.FlagsAttribute",
        "System.Reflection.DefaultMemberAttribute",
        "System.Runtime.CompilerServices.ExtensionAttribute",
        "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute",
        "System.Runtime.CompilerServices.CallerMemberNameAttribute",
        "System.Runtime.CompilerServices.CallerFilePathAttribute",
        "System.Runtime.CompilerServices.CallerLineNumberAttribute",
    ];

    /// <summary>The caller-visible attributes with their arguments, in a stable order.</summary>
    private static string Attributes(MetadataReader reader, CustomAttributeHandleCollection handles)
    {
        var found = new List<string>();
        foreach (var handle in handles)
        {
            var attribute = reader.GetCustomAttribute(handle);
            var typeName = AttributeTypeName(reader, attribute);
            if (!CallerVisibleAttributes.Contains(typeName))
            {
                continue;
            }

            var value = attribute.DecodeValue(new AttributeValueNamer());
            var arguments = value.FixedArguments.Select(a => Show(a.Value))
                .Concat(value.NamedArguments.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Name + "=" + Show(a.Value)));
            var shortName = typeName[(typeName.LastIndexOf('.') + 1)..].Replace("Attribute", "");
            found.Add("[" + shortName + "(" + string.Join(", ", arguments) + ")]");
        }

        found.Sort(StringComparer.Ordinal);
        return found.Count == 0 ? string.Empty : " " + string.Join("", found);
    }

    private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        var constructor = attribute.Constructor;
        EntityHandle parent = constructor.Kind == HandleKind.MemberReference
            ? reader.GetMemberReference((MemberReferenceHandle)constructor).Parent
            : reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
        return parent.Kind switch
        {
            HandleKind.TypeReference => Names.Of(reader, (TypeReferenceHandle)parent),
            HandleKind.TypeDefinition => Names.Of(reader, (TypeDefinitionHandle)parent),
            _ => parent.Kind.ToString(),
        };
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        ImmutableArray<CustomAttributeTypedArgument<string>> array => "{" + string.Join(", ", array.Select(a => Show(a.Value))) + "}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };

    private static string ConstantText(MetadataReader reader, ConstantHandle handle)
    {
        if (handle.IsNil)
        {
            return "?";
        }

        var constant = reader.GetConstant(handle);
        var blob = reader.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.NullReference => "null",
            ConstantTypeCode.String => "\"" + blob.ReadUTF16(blob.Length) + "\"",
            ConstantTypeCode.Boolean => blob.ReadBoolean() ? "true" : "false",
            ConstantTypeCode.Char => "'" + blob.ReadChar() + "'",
            ConstantTypeCode.SByte => blob.ReadSByte().ToString(),
            ConstantTypeCode.Byte => blob.ReadByte().ToString(),
            ConstantTypeCode.Int16 => blob.ReadInt16().ToString(),
            ConstantTypeCode.UInt16 => blob.ReadUInt16().ToString(),
            ConstantTypeCode.Int32 => blob.ReadInt32().ToString(),
            ConstantTypeCode.UInt32 => blob.ReadUInt32().ToString(),
            ConstantTypeCode.Int64 => blob.ReadInt64().ToString(),
            ConstantTypeCode.UInt64 => blob.ReadUInt64().ToString(),
            ConstantTypeCode.Single => blob.ReadSingle().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Double => blob.ReadDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => constant.TypeCode.ToString(),
        };
    }

    /// <summary>Names the types in attribute arguments; enums are read as their (Int32) underlying values.</summary>
    private sealed class AttributeValueNamer : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Names.Of(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Names.Of(reader, handle);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
