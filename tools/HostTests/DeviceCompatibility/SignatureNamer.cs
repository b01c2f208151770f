using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Mikrotik.Nano.HostTests.DeviceCompatibility;

/// <summary>
/// Decodes metadata signatures into readable type names and, while doing so, notes every construct the
/// nanoFramework 1.x runtime cannot load: generic instantiations, pointers, function pointers and
/// multidimensional arrays. The caller reads <see cref="Found"/> after each decode.
/// </summary>
internal sealed class SignatureNamer : ISignatureTypeProvider<string, object?>
{
    public List<string> Found { get; } = [];

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) =>
        Names.Of(r, handle);

    public string GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) =>
        Names.Of(r, handle);

    public string GetTypeFromSpecification(MetadataReader r, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        r.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape)
    {
        var name = elementType + "[" + new string(',', shape.Rank - 1) + "]";
        Found.Add("multidimensional array " + name);
        return name;
    }

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType)
    {
        Found.Add("pointer " + elementType + "*");
        return elementType + "*";
    }

    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        var name = "delegate*<" + string.Join(",", signature.ParameterTypes.Append(signature.ReturnType)) + ">";
        Found.Add("function pointer " + name);
        return name;
    }

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        var name = genericType + "<" + string.Join(",", typeArguments) + ">";
        Found.Add("generic instantiation " + name);
        return name;
    }

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetPinnedType(string elementType) => elementType + " pinned";
}
