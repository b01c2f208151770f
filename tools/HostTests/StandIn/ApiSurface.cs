using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Mikrotik.Nano.HostTests.DeviceCompatibility;

namespace Mikrotik.Nano.HostTests.StandIn;

/// <summary>
/// The public surface of an assembly as one line per public type and per visible member (public or
/// protected), read from metadata without loading anything. A line holds what decides how a caller's
/// source compiles and binds: namespace and name, type kind and modifiers, base type and interfaces,
/// member kind, modifiers, return type, parameter names, types, ref/out, params, optional values, and the
/// attributes a compiler acts on (Obsolete, AttributeUsage, Extension, caller information).
/// </summary>
public static partial class ApiSurface
{
    /// <summary>Reads the surface: key (<c>T:</c>, <c>M:</c>, <c>P:</c>, <c>F:</c>, <c>E:</c> plus the full name and parameter types) to description.</summary>
    public static SortedDictionary<string, string> Read(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        var surface = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var namer = new SignatureNamer();

        foreach (var handle in reader.TypeDefinitions)
        {
            if (!IsVisible(reader, handle))
            {
                continue;
            }

            var type = reader.GetTypeDefinition(handle);
            var name = Names.Of(reader, handle);
            surface["T:" + name] = DescribeType(reader, type, namer);

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if (IsVisible(method.Attributes & MethodAttributes.MemberAccessMask))
                {
                    var (key, text) = DescribeMethod(reader, method, namer);
                    surface["M:" + name + "." + key] = text;
                }
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                if (IsVisible((MethodAttributes)(int)(field.Attributes & FieldAttributes.FieldAccessMask)))
                {
                    var fieldName = reader.GetString(field.Name);
                    surface["F:" + name + "." + fieldName] = DescribeField(reader, field, namer);
                }
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(propertyHandle);
                var accessors = property.GetAccessors();
                var visible = new[] { accessors.Getter, accessors.Setter }
                    .Where(a => !a.IsNil && IsVisible(reader.GetMethodDefinition(a).Attributes & MethodAttributes.MemberAccessMask))
                    .Select(a => reader.GetString(reader.GetMethodDefinition(a).Name))
                    .ToList();
                if (visible.Count > 0)
                {
                    var signature = property.DecodeSignature(namer, null);
                    var propertyName = reader.GetString(property.Name);
                    surface["P:" + name + "." + propertyName] =
                        $"property {signature.ReturnType} {propertyName} {{ {string.Join("; ", visible)} }}{Attributes(reader, property.GetCustomAttributes())}";
                }
            }

            foreach (var eventHandle in type.GetEvents())
            {
                var ev = reader.GetEventDefinition(eventHandle);
                var adder = ev.GetAccessors().Adder;
                if (!adder.IsNil && IsVisible(reader.GetMethodDefinition(adder).Attributes & MethodAttributes.MemberAccessMask))
                {
                    var eventName = reader.GetString(ev.Name);
                    surface["E:" + name + "." + eventName] = $"event {Names.OfType(reader, ev.Type, namer)} {eventName}";
                }
            }
        }

        return surface;
    }

    /// <summary>
    /// Compares a stand-in with the real assembly. Returns one line per difference, each saying what to
    /// change in the stand-in; empty when the public surfaces are identical.
    /// </summary>
    public static IReadOnlyList<string> Compare(string realPath, string standInPath)
    {
        var real = Read(realPath);
        var standIn = Read(standInPath);
        var differences = new List<string>();
        foreach (var (key, text) in real)
        {
            if (!standIn.TryGetValue(key, out var other))
            {
                differences.Add($"missing from the stand-in: {key} — add `{text}`");
            }
            else if (other != text)
            {
                differences.Add($"differs: {key} — real `{text}`, stand-in `{other}`");
            }
        }

        foreach (var (key, text) in standIn.Where(e => !real.ContainsKey(e.Key)))
        {
            differences.Add($"not in the real assembly: {key} — remove `{text}` or make it non-public");
        }

        return differences;
    }

    private static bool IsVisible(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (visibility == TypeAttributes.Public)
        {
            return true;
        }

        var nestedVisible = visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem;
        return nestedVisible && IsVisible(reader, type.GetDeclaringType());
    }

    private static bool IsVisible(MethodAttributes access) =>
        access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

    private static string DescribeType(MetadataReader reader, TypeDefinition type, SignatureNamer namer)
    {
        var attributes = type.Attributes;
        var baseType = type.BaseType.IsNil ? null : Names.OfType(reader, type.BaseType, namer);
        string kind;
        if ((attributes & TypeAttributes.Interface) != 0)
        {
            kind = "interface";
        }
        else if (baseType == "System.Enum")
        {
            kind = "enum";
        }
        else if (baseType == "System.ValueType")
        {
            kind = "struct";
        }
        else if (baseType is "System.MulticastDelegate" or "System.Delegate")
        {
            kind = "delegate";
        }
        else if ((attributes & (TypeAttributes.Abstract | TypeAttributes.Sealed)) == (TypeAttributes.Abstract | TypeAttributes.Sealed))
        {
            kind = "static class";
        }
        else
        {
            kind = ((attributes & TypeAttributes.Abstract) != 0 ? "abstract " : "") + ((attributes & TypeAttributes.Sealed) != 0 ? "sealed " : "") + "class";
        }

        var text = new StringBuilder(Access((attributes & TypeAttributes.VisibilityMask) switch
        {
            TypeAttributes.NestedFamily => MethodAttributes.Family,
            TypeAttributes.NestedFamORAssem => MethodAttributes.FamORAssem,
            _ => MethodAttributes.Public,
        })).Append(' ').Append(kind);

        var bases = new List<string>();
        if (kind is "class" or "sealed class" or "abstract class" && baseType != "System.Object")
        {
            bases.Add(baseType!);
        }

        bases.AddRange(type.GetInterfaceImplementations()
            .Select(i => Names.OfType(reader, reader.GetInterfaceImplementation(i).Interface, namer))
            .Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            text.Append(" : ").Append(string.Join(", ", bases));
        }

        if (type.GetGenericParameters().Count > 0)
        {
            text.Append(" generic`").Append(type.GetGenericParameters().Count);
        }

        return text.Append(Attributes(reader, type.GetCustomAttributes())).ToString();
    }

    private static (string Key, string Text) DescribeMethod(MetadataReader reader, MethodDefinition method, SignatureNamer namer)
    {
        var name = reader.GetString(method.Name);
        var signature = method.DecodeSignature(namer, null);
        var parameters = new string[signature.ParameterTypes.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = signature.ParameterTypes[i];
        }

        // Parameter rows: sequence 0 is the return value, 1.. the parameters (rows may be absent).
        var names = new string?[parameters.Length];
        var details = new string[parameters.Length];
        var returnAttributes = string.Empty;
        foreach (var parameterHandle in method.GetParameters())
        {
            var parameter = reader.GetParameter(parameterHandle);
            if (parameter.SequenceNumber == 0)
            {
                returnAttributes = Attributes(reader, parameter.GetCustomAttributes());
                continue;
            }

            var index = parameter.SequenceNumber - 1;
            names[index] = reader.GetString(parameter.Name);
            var flags = parameter.Attributes;
            var detail = new StringBuilder();
            if ((flags & ParameterAttributes.Out) != 0)
            {
                detail.Append("[out]");
            }

            if ((flags & ParameterAttributes.Optional) != 0)
            {
                detail.Append("[optional]");
            }

            if ((flags & ParameterAttributes.HasDefault) != 0)
            {
                detail.Append("[default=").Append(ConstantText(reader, parameter.GetDefaultValue())).Append(']');
            }

            detail.Append(Attributes(reader, parameter.GetCustomAttributes()));
            details[index] = detail.ToString();
        }

        var key = name + "(" + string.Join(",", parameters) + ")";
        var attributes = method.Attributes;
        var modifiers = new List<string> { Access(attributes & MethodAttributes.MemberAccessMask) };
        if ((attributes & MethodAttributes.Static) != 0)
        {
            modifiers.Add("static");
        }

        if ((attributes & MethodAttributes.Abstract) != 0)
        {
            modifiers.Add("abstract");
        }
        else if ((attributes & MethodAttributes.Virtual) != 0)
        {
            modifiers.Add((attributes & MethodAttributes.NewSlot) != 0 ? "virtual" : "override");
            if ((attributes & MethodAttributes.Final) != 0)
            {
                modifiers.Add("sealed");
            }
        }

        var list = string.Join(", ", parameters.Select((type, i) => (details[i] + " " + type + " " + (names[i] ?? "?")).TrimStart()));
        var text = $"{string.Join(" ", modifiers)} {signature.ReturnType}{returnAttributes} {name}({list})"
            + (signature.GenericParameterCount > 0 ? " generic`" + signature.GenericParameterCount : "")
            + Attributes(reader, method.GetCustomAttributes());
        return (key, text);
    }

    private static string DescribeField(MetadataReader reader, FieldDefinition field, SignatureNamer namer)
    {
        var attributes = field.Attributes;
        var text = new StringBuilder(Access((MethodAttributes)(int)(attributes & FieldAttributes.FieldAccessMask)));
        if ((attributes & FieldAttributes.Literal) != 0)
        {
            text.Append(" const");
        }
        else
        {
            if ((attributes & FieldAttributes.Static) != 0)
            {
                text.Append(" static");
            }

            if ((attributes & FieldAttributes.InitOnly) != 0)
            {
                text.Append(" readonly");
            }
        }

        text.Append(' ').Append(field.DecodeSignature(namer, null)).Append(' ').Append(reader.GetString(field.Name));
        if ((attributes & FieldAttributes.HasDefault) != 0)
        {
            text.Append(" = ").Append(ConstantText(reader, field.GetDefaultValue()));
        }

        return text.Append(Attributes(reader, field.GetCustomAttributes())).ToString();
    }

    private static string Access(MethodAttributes access) => access switch
    {
        MethodAttributes.Public => "public",
        MethodAttributes.Family => "protected",
        MethodAttributes.FamORAssem => "protected internal",
        _ => "non-public",
    };
}
