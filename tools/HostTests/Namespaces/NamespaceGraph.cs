using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Mikrotik.Nano.HostTests.DeviceCompatibility;

namespace Mikrotik.Nano.HostTests.Namespaces;

/// <summary>
/// Which of an assembly's own namespaces use which, read from the compiled IL: base types,
/// interfaces, field, property, method and local signatures, and every type, method and field an
/// instruction names. A nested (or compiler-generated) type counts for its outermost type's namespace.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, SortedSet<string>> _uses = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    /// <summary>The namespaces defined in the assembly under the prefix.</summary>
    public IEnumerable<string> Namespaces => _uses.Keys;

    /// <summary>The assembly's namespaces starting with <paramref name="prefix"/>, and the edges between them.</summary>
    public static NamespaceGraph Read(string assemblyPath, string prefix)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        var graph = new NamespaceGraph();
        var provider = new Collector(reader);
        foreach (var handle in reader.TypeDefinitions)
        {
            string from = NamespaceOf(reader, handle);
            if (!from.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            provider.Seen.Clear();
            var type = reader.GetTypeDefinition(handle);
            provider.Add(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations())
            {
                provider.Add(reader.GetInterfaceImplementation(i).Interface);
            }

            foreach (var f in type.GetFields())
            {
                reader.GetFieldDefinition(f).DecodeSignature(provider, null);
            }

            foreach (var p in type.GetProperties())
            {
                reader.GetPropertyDefinition(p).DecodeSignature(provider, null);
            }

            foreach (var m in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(m);
                method.DecodeSignature(provider, null);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                }

                foreach (var token in ILScanner.Scan(body.GetILBytes()!).Tokens)
                {
                    provider.AddMember(token);
                }
            }

            if (!graph._uses.TryGetValue(from, out var uses))
            {
                graph._uses[from] = uses = new SortedSet<string>(StringComparer.Ordinal);
            }

            foreach (var to in provider.Seen)
            {
                if (to != from && to.StartsWith(prefix, StringComparison.Ordinal))
                {
                    uses.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>The namespaces <paramref name="from"/> uses (its own excluded).</summary>
    public IReadOnlyCollection<string> Uses(string from) =>
        _uses.TryGetValue(from, out var uses) ? uses : [];

    /// <summary>Every cycle's namespaces in path order, e.g. "A -> B -> A"; one line per strongly connected group.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in _uses.Keys.Order(StringComparer.Ordinal))
        {
            if (reported.Contains(start))
            {
                continue;
            }

            var path = PathBack(start, start, []);
            if (path is not null)
            {
                reported.UnionWith(path);
                cycles.Add(start + " -> " + string.Join(" -> ", path));
            }
        }

        return cycles;
    }

    // A path from `at` to `target` (excluding `at`, ending with `target`), or null.
    private List<string>? PathBack(string at, string target, HashSet<string> visited)
    {
        foreach (var next in Uses(at))
        {
            if (next == target)
            {
                return [next];
            }

            if (visited.Add(next))
            {
                var rest = PathBack(next, target, visited);
                if (rest is not null)
                {
                    rest.Insert(0, next);
                    return rest;
                }
            }
        }

        return null;
    }

    private static string NamespaceOf(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (!type.GetDeclaringType().IsNil)
        {
            type = reader.GetTypeDefinition(type.GetDeclaringType());
        }

        return reader.GetString(type.Namespace);
    }

    // Collects the namespaces of the assembly's own types met in signatures and instructions.
    private sealed class Collector(MetadataReader reader) : ISignatureTypeProvider<string, object?>
    {
        public readonly HashSet<string> Seen = new(StringComparer.Ordinal);

        public void Add(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    Seen.Add(NamespaceOf(reader, (TypeDefinitionHandle)handle));
                    break;
                case HandleKind.TypeSpecification:
                    reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
            }
        }

        public void AddMember(EntityHandle token)
        {
            switch (token.Kind)
            {
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)token);
                    Add(method.GetDeclaringType());
                    method.DecodeSignature(this, null);
                    break;
                case HandleKind.FieldDefinition:
                    var field = reader.GetFieldDefinition((FieldDefinitionHandle)token);
                    Add(field.GetDeclaringType());
                    field.DecodeSignature(this, null);
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)token);
                    Add(member.Parent);
                    break;
                case HandleKind.MethodSpecification:
                    AddMember(reader.GetMethodSpecification((MethodSpecificationHandle)token).Method);
                    break;
                default:
                    Add(token);
                    break;
            }
        }

        public string GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Seen.Add(NamespaceOf(r, handle));
            return string.Empty;
        }

        public string GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => string.Empty;

        public string GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            r.GetTypeSpecification(handle).DecodeSignature(this, context);

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => string.Empty;

        public string GetSZArrayType(string elementType) => string.Empty;

        public string GetArrayType(string elementType, ArrayShape shape) => string.Empty;

        public string GetByReferenceType(string elementType) => string.Empty;

        public string GetPointerType(string elementType) => string.Empty;

        public string GetPinnedType(string elementType) => string.Empty;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => string.Empty;

        public string GetGenericTypeParameter(object? context, int index) => string.Empty;

        public string GetGenericMethodParameter(object? context, int index) => string.Empty;

        public string GetFunctionPointerType(MethodSignature<string> signature) => string.Empty;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => string.Empty;
    }
}
