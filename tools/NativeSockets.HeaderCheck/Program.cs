using System;
using System.IO;
using NativeSockets.HeaderCheck;

// Usage: NativeSockets.HeaderCheck PLATFORM COMPILER [--run] [--defs DIR] [-- COMPILER-ARGUMENTS...]
// Exit code 0 when every fact of native-defs/PLATFORM.defs matches the headers COMPILER sees. The
// arguments after "--" go to every compilation, before the checker's own (a target and header folders).
var separator = Array.IndexOf(args, "--");
var compilerArguments = separator >= 0 ? args[(separator + 1)..] : [];
var options = separator >= 0 ? args[..separator] : args;
if (options.Length < 2)
{
    Console.Error.WriteLine("usage: NativeSockets.HeaderCheck PLATFORM COMPILER [--run] [--defs DIR] [-- COMPILER-ARGUMENTS...]");
    return 2;
}

var platformName = options[0];
var compiler = options[1];
var run = Array.IndexOf(options, "--run") >= 0;
var defsIndex = Array.IndexOf(options, "--defs");
var folder = defsIndex >= 0 && defsIndex + 1 < options.Length ? options[defsIndex + 1] : DefinitionFolder.Find(Directory.GetCurrentDirectory());

var platform = DefinitionFolder.Load(folder, platformName);
var result = HeaderChecker.Check(platform, compiler, run, compilerArguments);
Console.WriteLine(result.Summary);
foreach (var failure in result.Failures)
{
    Console.Error.WriteLine(failure);
}

return result.Passed ? 0 : 1;
