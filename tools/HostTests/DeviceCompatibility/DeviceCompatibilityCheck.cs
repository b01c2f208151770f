using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Mikrotik.Nano.HostTests.DeviceCompatibility;

/// <summary>
/// Inspects a compiled assembly for what the nanoFramework 1.x runtime cannot run although the compiler
/// accepts it: generic types, methods and instantiations (Action&lt;int&gt; included), multidimensional
/// arrays, pointers and function pointers, stackalloc, async state machines, string arrays with
/// unassigned elements (see <see cref="DefaultStringElementRule"/>), and references to assemblies outside
/// the project's allow-list. Returns one line per violation, naming where it is.
/// </summary>
public static class DeviceCompatibilityCheck
{
    /// <summary>The public key token of nanoFramework's mscorlib (the desktop one differs).</summary>
    private const string NanoPublicKeyToken = "c07d481e9758c731";

    public static IReadOnlyList<string> Check(string assemblyPath, IReadOnlyCollection<string> allowedReferences)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        var namer = new SignatureNamer();
        var violations = new List<string>();

        void Decode(Action decode, string where)
        {
            namer.Found.Clear();
            decode();
            violations.AddRange(namer.Found.Select(f => $"{f} in {where}"));
        }

        CheckReferences(reader, allowedReferences, violations);

        // Which methods refer to each TypeSpec, MemberRef and MethodSpec, so that reports name the user.
        var users = new Dictionary<EntityHandle, SortedSet<string>>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var typeName = Names.Of(reader, typeHandle);
            if (type.GetGenericParameters().Count > 0)
            {
                violations.Add($"generic type definition {typeName}");
            }

            if (type.BaseType.Kind == HandleKind.TypeSpecification)
            {
                Decode(() => Names.OfType(reader, type.BaseType, namer), $"base type of {typeName}");
            }

            foreach (var implementation in type.GetInterfaceImplementations())
            {
                var iface = reader.GetInterfaceImplementation(implementation).Interface;
                var ifaceName = "";
                Decode(() => ifaceName = Names.OfType(reader, iface, namer), $"interfaces of {typeName}");
                if (ifaceName == "System.Runtime.CompilerServices.IAsyncStateMachine")
                {
                    violations.Add($"async state machine {typeName}");
                }
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                Decode(() => field.DecodeSignature(namer, null), $"field {typeName}::{reader.GetString(field.Name)}");
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(propertyHandle);
                Decode(() => property.DecodeSignature(namer, null), $"property {typeName}::{reader.GetString(property.Name)}");
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var methodName = Names.Of(reader, methodHandle);
                if (method.GetGenericParameters().Count > 0)
                {
                    violations.Add($"generic method definition {methodName}");
                }

                Decode(() => method.DecodeSignature(namer, null), $"signature of {methodName}");
                foreach (var attribute in method.GetCustomAttributes())
                {
                    if (AttributeTypeName(reader, reader.GetCustomAttribute(attribute)) == "System.Runtime.CompilerServices.AsyncStateMachineAttribute")
                    {
                        violations.Add($"async method {methodName}");
                    }
                }

                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    var locals = reader.GetStandaloneSignature(body.LocalSignature);
                    Decode(() => locals.DecodeLocalSignature(namer, null), $"local variables of {methodName}");
                }

                violations.AddRange(DefaultStringElementRule.Check(reader, method, body, methodName));
                var (usesLocalloc, tokens) = ILScanner.Scan(body.GetILBytes()!);
                if (usesLocalloc)
                {
                    violations.Add($"stackalloc (localloc) in {methodName}");
                }

                foreach (var token in tokens)
                {
                    if (!users.TryGetValue(token, out var set))
                    {
                        users[token] = set = [];
                    }

                    set.Add(methodName);
                }
            }
        }

        // A TypeSpec reached only as the parent of a member reference is used by that member's users.
        foreach (var handle in reader.MemberReferences)
        {
            var parent = reader.GetMemberReference(handle).Parent;
            if (parent.Kind == HandleKind.TypeSpecification && users.TryGetValue(handle, out var memberUsers))
            {
                if (!users.TryGetValue(parent, out var set))
                {
                    users[parent] = set = [];
                }

                set.UnionWith(memberUsers);
            }
        }

        string UsedBy(EntityHandle handle) =>
            users.TryGetValue(handle, out var set) ? string.Join(", ", set) : "metadata";

        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            var handle = MetadataTokens.TypeSpecificationHandle(row);
            Decode(() => reader.GetTypeSpecification(handle).DecodeSignature(namer, null), UsedBy(handle));
        }

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            var memberName = MemberName(reader, handle);
            Decode(
                () =>
                {
                    if (member.Parent.Kind == HandleKind.TypeSpecification)
                    {
                        Names.OfType(reader, member.Parent, namer);
                    }

                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(namer, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(namer, null);
                    }
                },
                $"reference to {memberName} from {UsedBy(handle)}");
        }

        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            var handle = MetadataTokens.MethodSpecificationHandle(row);
            var spec = reader.GetMethodSpecification(handle);
            var arguments = spec.DecodeSignature(new SignatureNamer(), null);
            var target = spec.Method.Kind == HandleKind.MethodDefinition
                ? Names.Of(reader, (MethodDefinitionHandle)spec.Method)
                : MemberName(reader, (MemberReferenceHandle)spec.Method);
            violations.Add($"generic method instantiation {target}<{string.Join(",", arguments)}> in {UsedBy(handle)}");
        }

        return violations.Distinct().ToList();
    }

    private static void CheckReferences(MetadataReader reader, IReadOnlyCollection<string> allowed, List<string> violations)
    {
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            var name = reader.GetString(reference.Name);
            if (!allowed.Contains(name))
            {
                violations.Add($"reference to assembly {name} {reference.Version} (allowed: {string.Join(", ", allowed)})");
                continue;
            }

            var token = Convert.ToHexString(reader.GetBlobBytes(reference.PublicKeyOrToken)).ToLowerInvariant();
            if (name == "mscorlib" && token != NanoPublicKeyToken)
            {
                violations.Add($"reference to a mscorlib {reference.Version} that is not nanoFramework's (public key token '{token}'): the project must import tools/build/NanoAssembly.props");
            }
        }
    }

    private static string MemberName(MetadataReader reader, MemberReferenceHandle handle)
    {
        var member = reader.GetMemberReference(handle);
        return $"{Names.OfType(reader, member.Parent, new SignatureNamer())}::{reader.GetString(member.Name)}";
    }

    private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MethodDefinition => Names.Of(reader, reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
        HandleKind.MemberReference => Names.OfType(reader, reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent, new SignatureNamer()),
        _ => string.Empty,
    };
}
