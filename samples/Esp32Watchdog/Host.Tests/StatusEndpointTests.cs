using System.Net;
using System.Text.Json;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using WatchdogHost;
using Xunit;

namespace WatchdogHost.Tests;

/// <summary>The status endpoint of the host runner, read with a real HTTP client while the demo incident plays.</summary>
public class StatusEndpointTests
{
    [Fact(Timeout = 240000)]
    public async Task StatusAndMetricsFollowTheIncident()
    {
        var output = new StringWriter();
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var demo = Task.Run(() => DemoRun.Run(5, TextWriter.Synchronized(output), 0, uri => started.TrySetResult(uri)));
        Uri baseAddress = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

        var states = new List<string>();
        long maxReboots = 0, maxPowerCycles = 0;
        var lastDecisions = new HashSet<string>();
        while (!demo.IsCompleted)
        {
            string statusText, metrics;
            try
            {
                statusText = await http.GetStringAsync("status");
                metrics = await http.GetStringAsync("metrics");
            }
            catch (HttpRequestException)
            {
                // The demo may have ended (closing its endpoint) between the check and the request.
                if (await Task.WhenAny(demo, Task.Delay(TimeSpan.FromSeconds(10))) == demo)
                {
                    break;
                }

                throw;
            }

            using (JsonDocument status = JsonDocument.Parse(statusText))
            {
                JsonElement router = status.RootElement.GetProperty("routers")[0];
                Assert.Equal("demo", router.GetProperty("name").GetString());
                Assert.Equal("kept", status.RootElement.GetProperty("board").GetProperty("history").GetString());
                string state = router.GetProperty("state").GetString()!;
                if (states.Count == 0 || states[^1] != state)
                {
                    states.Add(state);
                }

                JsonElement last = router.GetProperty("last_decision");
                if (last.ValueKind == JsonValueKind.Object)
                {
                    lastDecisions.Add(last.GetProperty("code").GetString()!);
                }
            }

            maxReboots = Math.Max(maxReboots, Sample(metrics, "watchdog_router_reboots_total{router=\"demo\"}"));
            maxPowerCycles = Math.Max(maxPowerCycles, Sample(metrics, "watchdog_router_power_cycles_total{router=\"demo\"}"));
            Assert.Contains("# TYPE watchdog_router_state gauge", metrics);
            await Task.Delay(100);
        }

        var decisions = await demo;
        string log = output.ToString();
        Assert.True(DemoRun.IsAsExpected(decisions), log);

        // Healthy, an API reboot being verified, healthy, a power-cycle being verified, healthy.
        Assert.Equal(new[] { "Monitoring", "VerifyingReboot", "Monitoring", "VerifyingPowerCycle", "Monitoring" }, states.ToArray());
        Assert.Equal(1, maxReboots);
        Assert.Equal(1, maxPowerCycles);
        Assert.Contains("RebootAccepted", lastDecisions);
        Assert.Contains("PowerCycleDone", lastDecisions);

        // The router's own log got the reason before the reboot.
        int trace = log.IndexOf("router log: script,warning esp32-watchdog: rebooting demo through the API: cpu-load", StringComparison.Ordinal);
        Assert.True(trace > 0, log);
        Assert.True(trace < log.IndexOf("RebootAccepted", StringComparison.Ordinal), log);
        Assert.Contains("== status on http://127.0.0.1:", log);
    }

    [Fact(Timeout = 60000)]
    public async Task AnythingElseIsAClearError()
    {
        var config = DemoRun.Config(8728);
        var status = new Esp32Watchdog.Status.Report.WatchdogStatus(config, null, new Mikrotik.Nano.SystemClock());
        using var server = HostStatusServer.Start(0, status);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("nope")).StatusCode);
        var post = await http.PostAsync("status", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("GET", post.Content.Headers.Allow);
        var huge = await http.GetAsync("status?" + new string('a', 2000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, huge.StatusCode);
        var ok = await http.GetAsync("status?pretty");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/json", ok.Content.Headers.ContentType!.MediaType);
        using JsonDocument doc = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("routers")[0].GetProperty("last_sample").ValueKind);
    }

    [Fact]
    public void StatusPortIsAnOption()
    {
        Assert.Null(Arguments.Parse(Array.Empty<string>()).StatusPort);
        Assert.Equal(0, Arguments.Parse(new[] { "--status-port", "0" }).StatusPort);
        Assert.Equal(8080, Arguments.Parse(new[] { "--router", "r", "--user", "u", "--status-port", "8080" }).StatusPort);
        Assert.Throws<ArgumentException>(() => Arguments.Parse(new[] { "--status-port", "70000" }));
    }

    private static long Sample(string metrics, string series)
    {
        foreach (string line in metrics.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return long.Parse(line[(series.Length + 1)..]);
            }
        }

        return -1;
    }
}
