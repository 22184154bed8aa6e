using System.Runtime.CompilerServices;

// Every native signature is blittable, so the runtime never marshals: calls cost what the native call costs,
// and NativeAOT needs no marshalling stubs.
[assembly: DisableRuntimeMarshalling]
