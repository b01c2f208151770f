using WatchdogHost;

Arguments arguments;
try
{
    arguments = Arguments.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Arguments.Usage);
    return 2;
}

if (arguments.Host is not null)
{
    return RealRouterRun.Run(arguments, Console.Out);
}

var decisions = DemoRun.Run(arguments.TimeScale, Console.Out, arguments.StatusPort);
return DemoRun.IsAsExpected(decisions) ? 0 : 1;
