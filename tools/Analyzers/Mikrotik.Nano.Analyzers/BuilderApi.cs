using Microsoft.CodeAnalysis;

namespace Mikrotik.Nano.Analyzers;

/// <summary>
/// How the analyzers recognise the command builder: by the full names of the types that declare
/// the methods, and the methods' and parameters' names. Nothing else of the Core's API is assumed,
/// so the Core can change around the builder.
/// </summary>
internal static class BuilderApi
{
    /// <summary>The builder before a path: its only step is Path.</summary>
    public const string BuilderType = "Mikrotik.Nano.CommandBuilder";

    /// <summary>The builder after the path: attributes, flags, proplist, queries.</summary>
    public const string WriterType = "Mikrotik.Nano.CommandWriter";

    /// <summary>A running command of the client.</summary>
    public const string HandleType = "Mikrotik.Nano.CommandHandle";

    /// <summary>True when the type has the given full name (namespace and name).</summary>
    public static bool Is(ITypeSymbol? type, string fullName)
    {
        if (type == null)
        {
            return false;
        }

        int dot = fullName.LastIndexOf('.');
        return type.Name == fullName.Substring(dot + 1)
            && type.ContainingType == null
            && type.ContainingNamespace != null
            && type.ContainingNamespace.ToDisplayString() == fullName.Substring(0, dot);
    }

    /// <summary>True when the method is one of the builder's steps (declared by CommandBuilder or CommandWriter).</summary>
    public static bool IsBuilderStep(IMethodSymbol method)
    {
        return Is(method.ContainingType, BuilderType) || Is(method.ContainingType, WriterType);
    }
}
