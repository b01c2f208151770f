using Esp32Watchdog.Health;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>Keeps the fields a check writes, in order, as "name=value" text (value "null" when unknown).</summary>
    internal sealed class RecordingFields : ICheckFieldWriter
    {
        public string Text = string.Empty;
        public int Count;

        public void Number(string name, string help, long value)
        {
            Text = Text + (Count == 0 ? string.Empty : " ") + name + "=" + (value < 0 ? "null" : value.ToString());
            Count++;
        }

        /// <summary>The fields <paramref name="check"/> writes for <paramref name="round"/>.</summary>
        public static string Of(IHealthCheck check, Esp32Watchdog.Ports.IProbedValues round)
        {
            RecordingFields fields = new RecordingFields();
            check.WriteFields(fields, round);
            return fields.Text;
        }
    }
}
