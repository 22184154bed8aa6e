#!/usr/bin/env bash
# Size and start-up of the loopback tour: NativeSockets (the package) against System.Net.Sockets, both
# published with NativeAOT the same way, plus both on the JIT for reference. NativeSockets.Standalone is
# the tour on NativeSockets alone (no System.Net for its client and checks): what the library itself costs. Start-up is the whole run of
# the tour, from exec to exit, measured for all four in one hyperfine run. Needs the package in the local
# feed (run `bash .ci/package` first), strip and hyperfine.
#
#   bash samples/Consumers/measure.sh [--artifacts-path DIR]
set -euo pipefail
cd "$(dirname "$0")"
# No first-run banner: the properties read below are taken from dotnet's output.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build=()
case "$*" in
  "") ;;
  --artifacts-path\ *) build=(--artifacts-path "$2") ;;
  *) echo "usage: bash samples/Consumers/measure.sh [--artifacts-path DIR]" >&2; exit 2 ;;
esac

out=../../artifacts/measure
apps=(NativeSockets.Consumer NativeSockets.Standalone SystemNetSockets.Baseline)
aot_framework=$(dotnet msbuild NativeSockets.Consumer -getProperty:NativeSocketsAotTargetFramework)
rm -rf "$out"

for app in "${apps[@]}"; do
  dotnet publish "$app" -c Release -f "$aot_framework" -r linux-x64 -o "$out/aot/$app" "${build[@]}" >/dev/null
  dotnet publish "$app" -c Release -f net10.0 -o "$out/jit/$app" "${build[@]}" >/dev/null
  strip -o "$out/$app" "$out/aot/$app/$app"
done

echo "NativeAOT ($aot_framework, linux-x64), bytes: as published / after strip"
for app in "${apps[@]}"; do
  printf '  %-28s %9d / %9d\n' "$app" "$(stat -c %s "$out/aot/$app/$app")" "$(stat -c %s "$out/$app")"
done

# The machine may be busy: the median is the figure to read, the mean is pulled up by the outliers.
hyperfine --shell=none --warmup 5 --runs 200 --export-csv "$out/startup.csv" \
  -n "NativeSockets (NativeAOT)" "$out/NativeSockets.Consumer" \
  -n "NativeSockets alone (NativeAOT)" "$out/NativeSockets.Standalone" \
  -n "System.Net.Sockets (NativeAOT)" "$out/SystemNetSockets.Baseline" \
  -n "NativeSockets (JIT net10.0)" "dotnet $out/jit/NativeSockets.Consumer/NativeSockets.Consumer.dll" \
  -n "NativeSockets alone (JIT net10.0)" "dotnet $out/jit/NativeSockets.Standalone/NativeSockets.Standalone.dll" \
  -n "System.Net.Sockets (JIT net10.0)" "dotnet $out/jit/SystemNetSockets.Baseline/SystemNetSockets.Baseline.dll"
echo
echo "start-up to exit of the tour, ms: median / min / mean"
awk -F, 'NR > 1 { printf "  %-36s %6.1f / %6.1f / %6.1f\n", $1, $4 * 1000, $7 * 1000, $2 * 1000 }' "$out/startup.csv"
