using System;

namespace NotForDevice
{
    // Each member breaks one device rule the check must report; Clean breaks none.
    internal static class Violations
    {
        internal static T Echo<T>(T value)
        {
            return value;
        }

        internal static int CallsGenericMethod()
        {
            return Echo(5);
        }

        internal static void UsesGenericDelegate()
        {
            Action<int> handler = x => { };
            handler(1);
        }

        internal static int UsesGrid()
        {
            int[,] grid = new int[2, 2];
            grid[1, 1] = 3;
            return grid[1, 1];
        }

        internal static unsafe int ReadsPointer(int* value)
        {
            return *value;
        }

        internal static unsafe int UsesStackalloc()
        {
            int* buffer = stackalloc int[4];
            buffer[0] = 1;
            return buffer[0];
        }

        [System.Runtime.CompilerServices.AsyncStateMachine(typeof(Violations))]
        internal static void LooksAsync()
        {
        }

        // Each of these leaves a string[] element unassigned: not a real null on nanoCLR.
        internal static bool NewStringArray(int count)
        {
            string[] names = new string[count];
            return names[0] == "x";
        }

        internal static bool StringArrayWithNullElement(string name)
        {
            string[] names = new string[] { name, null };
            return names[1] == "x";
        }

        internal static Array StringArrayByCreateInstance()
        {
            return Array.CreateInstance(typeof(string), 2);
        }

        internal static void ClearsStringArray(string[] names)
        {
            Array.Clear(names, 0, names.Length);
        }

        internal static string[] ClearsNewStringArray()
        {
            string[] names = new string[] { "a" };
            Array.Clear(names, 0, 1);
            return names;
        }

        internal static void CleanClearsBytes(byte[] secret, object[] slots)
        {
            Array.Clear(secret, 0, secret.Length);
            Array.Clear(slots, 0, slots.Length);
        }

        internal static int Clean(int[] values, object box)
        {
            return values[0] + (box == null ? 0 : 1);
        }

        // Safe shapes the string-array rule must accept: empty, fully initialized, params, object[].
        internal static int CleanStringArrays(string name)
        {
            string[] empty = new string[0];
            string[] full = new string[] { name, "b", string.Empty };
            object[] slots = new object[4];
            return empty.Length + full.Length + slots.Length + CleanParams(name, "x");
        }

        internal static int CleanParams(params string[] words)
        {
            return words.Length;
        }
    }

    internal sealed class Holder<T>
    {
        internal T Value = default;
    }
}

namespace System.Runtime.CompilerServices
{
    // The nano mscorlib has no async support, so the attribute the compiler would emit is declared here.
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class AsyncStateMachineAttribute : Attribute
    {
        internal AsyncStateMachineAttribute(Type stateMachineType)
        {
            StateMachineType = stateMachineType;
        }

        internal Type StateMachineType { get; }
    }
}
