using System;
using System.IO;
using NativeSockets.HeaderCheck;

// Usage: NativeSockets.HeaderCheck PLATFORM COMPILER [--run] [--defs DIR]
// Exit code 0 when every fact of native-defs/PLATFORM.defs matches the headers COMPILER sees.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: NativeSockets.HeaderCheck PLATFORM COMPILER [--run] [--defs DIR]");
    return 2;
}

var platformName = args[0];
var compiler = args[1];
var run = Array.IndexOf(args, "--run") >= 0;
var defsIndex = Array.IndexOf(args, "--defs");
var folder = defsIndex >= 0 && defsIndex + 1 < args.Length ? args[defsIndex + 1] : DefinitionFolder.Find(Directory.GetCurrentDirectory());

var platform = DefinitionFolder.Load(folder, platformName);
var result = HeaderChecker.Check(platform, compiler, run);
Console.WriteLine(result.Summary);
foreach (var failure in result.Failures)
{
    Console.Error.WriteLine(failure);
}

return result.Passed ? 0 : 1;
