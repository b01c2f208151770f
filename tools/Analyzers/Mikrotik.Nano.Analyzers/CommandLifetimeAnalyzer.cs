using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mikrotik.Nano.Analyzers;

/// <summary>
/// Commands that are built and dropped (MTN0009) and command handles that are never disposed
/// (MTN0010). A value is "kept" when it leaves the method (returned, passed to a call, stored
/// anywhere but a local), so only what certainly dies in the method is reported: a builder chain
/// used as a statement, a handle discarded by a statement, and locals that never escape.
/// An explicit discard (<c>_ = client.Send(...)</c>) says the drop is deliberate and is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandLifetimeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NeverSent,
        Descriptors.HandleNotDisposed);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeStatement, OperationKind.ExpressionStatement);
        context.RegisterOperationBlockAction(AnalyzeLocals);
    }

    // A statement whose value is a built command or a handle: the value dies right there. Implicit
    // statements (the body of an expression lambda such as () => writer.Flag("x")) are not the
    // user's statement and are left alone.
    private static void AnalyzeStatement(OperationAnalysisContext context)
    {
        var statement = (IExpressionStatementOperation)context.Operation;
        if (statement.IsImplicit || statement.Operation is not IInvocationOperation invocation)
        {
            return;
        }

        ITypeSymbol? type = invocation.Type;
        if (BuilderApi.Is(type, BuilderApi.WriterType) && BuilderApi.IsBuilderStep(invocation.TargetMethod)
            && !StartsFromLocal(invocation))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NeverSent, invocation.Syntax.GetLocation(), Describe(invocation)));
        }
        else if (BuilderApi.Is(type, BuilderApi.HandleType))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HandleNotDisposed, invocation.Syntax.GetLocation(), "returned by " + invocation.TargetMethod.Name));
        }
    }

    // Locals of type CommandWriter or CommandHandle that never escape the method.
    private static void AnalyzeLocals(OperationBlockAnalysisContext context)
    {
        var usages = new Dictionary<ILocalSymbol, Usage>(SymbolEqualityComparer.Default);
        foreach (IOperation block in context.OperationBlocks)
        {
            foreach (IOperation operation in block.DescendantsAndSelf())
            {
                if (operation is IVariableDeclaratorOperation declarator && IsTracked(declarator.Symbol.Type))
                {
                    Usage usage = Get(usages, declarator.Symbol);
                    usage.Location ??= declarator.Syntax.GetLocation();
                    IVariableInitializerOperation? initializer = declarator.GetVariableInitializer();
                    if (initializer != null)
                    {
                        Assign(usage, initializer.Value);
                    }

                    usage.Disposed |= IsUsingDeclaration(declarator);
                }
                else if (operation is ILocalReferenceOperation reference && IsTracked(reference.Local.Type))
                {
                    Classify(Get(usages, reference.Local), reference);
                }
            }
        }

        foreach (KeyValuePair<ILocalSymbol, Usage> entry in usages)
        {
            Usage usage = entry.Value;
            if (usage.Escapes || !usage.Assigned || usage.Location == null)
            {
                continue;
            }

            if (BuilderApi.Is(entry.Key.Type, BuilderApi.WriterType))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.NeverSent, usage.Location, "'" + entry.Key.Name + "'"));
            }
            else if (!usage.Disposed)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.HandleNotDisposed, usage.Location, "'" + entry.Key.Name + "'"));
            }
        }
    }

    private static void Classify(Usage usage, ILocalReferenceOperation reference)
    {
        IOperation? parent = reference.Parent;
        if (parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
        {
            Assign(usage, assignment.Value);
            return;
        }

        if (parent is IUsingOperation || (parent is IConversionOperation && parent.Parent is IUsingOperation))
        {
            usage.Disposed = true;
            return;
        }

        if (parent is IPropertyReferenceOperation property && property.Instance == reference)
        {
            // while (handle.IsActive) { ... }: the method waits for the command to end, so there is
            // nothing left to cancel when it returns. Other reads (handle.Tag, writer.Buffer) are neutral.
            usage.Disposed |= property.Property.Name == "IsActive" && IsLoopCondition(property);
            return;
        }

        if (parent is IInvocationOperation call && call.Instance == reference)
        {
            if (call.TargetMethod.Name == "Dispose")
            {
                usage.Disposed = true;
            }
            else if (BuilderApi.IsBuilderStep(call.TargetMethod))
            {
                // writer.Flag("x"): the command goes wherever the end of the chain goes.
                IOperation end = ChainEnd(call);
                usage.Escapes |= !(end.Parent is IExpressionStatementOperation
                    || (end.Parent is ISimpleAssignmentOperation back && back.Target is ILocalReferenceOperation target
                        && SymbolEqualityComparer.Default.Equals(target.Local, reference.Local)));
            }

            return; // handle.Cancel()
        }

        usage.Escapes = true; // an argument, a return value, stored elsewhere, boxed...
    }

    // A local owns what a call gives it (Send's new handle, a builder chain). A copy of something
    // stored elsewhere (handles[i], a field, a parameter) is owned there: the local is not tracked.
    private static void Assign(Usage usage, IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IInvocationOperation)
        {
            usage.Assigned = true;
        }
        else if (value.ConstantValue is not { HasValue: true, Value: null } && value is not IDefaultValueOperation)
        {
            usage.Escapes = true;
        }
    }

    private static bool IsLoopCondition(IOperation operation)
    {
        for (IOperation node = operation; node.Parent != null; node = node.Parent)
        {
            if (node.Parent is IWhileLoopOperation loop)
            {
                return loop.Condition == node;
            }

            if (node.Parent is IForLoopOperation forLoop)
            {
                return forLoop.Condition == node;
            }

            if (node.Parent is IBlockOperation || node.Parent is IExpressionStatementOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static IOperation ChainEnd(IInvocationOperation call)
    {
        IOperation end = call;
        while (end.Parent is IInvocationOperation next && next.Instance == end && BuilderApi.IsBuilderStep(next.TargetMethod))
        {
            end = next;
        }

        return end;
    }

    // writer.Attribute(...) as a statement adds to a command held by a local: the local's own
    // analysis decides whether that command is sent.
    private static bool StartsFromLocal(IInvocationOperation invocation)
    {
        IOperation? receiver = invocation.Instance;
        while (receiver is IInvocationOperation inner && BuilderApi.IsBuilderStep(inner.TargetMethod))
        {
            receiver = inner.Instance;
        }

        return receiver is ILocalReferenceOperation || receiver is IParameterReferenceOperation
            || receiver is IFieldReferenceOperation || receiver is IPropertyReferenceOperation;
    }

    private static bool IsUsingDeclaration(IVariableDeclaratorOperation declarator)
    {
        for (IOperation? node = declarator.Parent; node != null; node = node.Parent)
        {
            if (node is IUsingDeclarationOperation || node is IUsingOperation)
            {
                return true;
            }

            if (!(node is IVariableDeclarationOperation || node is IVariableDeclarationGroupOperation))
            {
                return false;
            }
        }

        return false;
    }

    // "'/interface/print'" when the chain's path is a constant, else nothing.
    private static string Describe(IInvocationOperation invocation)
    {
        IOperation? node = invocation;
        while (node is IInvocationOperation step)
        {
            if (step.TargetMethod.Name == "Path" && BuilderApi.Is(step.TargetMethod.ContainingType, BuilderApi.BuilderType)
                && step.Arguments.Length > 0 && step.Arguments[0].Value.ConstantValue.Value is string path)
            {
                return "'" + path + "'";
            }

            node = step.Instance;
        }

        return "here";
    }

    private static bool IsTracked(ITypeSymbol? type)
    {
        return BuilderApi.Is(type, BuilderApi.WriterType) || BuilderApi.Is(type, BuilderApi.HandleType);
    }

    private static Usage Get(Dictionary<ILocalSymbol, Usage> usages, ILocalSymbol local)
    {
        if (!usages.TryGetValue(local, out Usage? usage))
        {
            usage = new Usage();
            usages.Add(local, usage);
        }

        return usage;
    }

    private sealed class Usage
    {
        public Location? Location;
        public bool Assigned;
        public bool Escapes;
        public bool Disposed;
    }
}
