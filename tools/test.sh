#!/usr/bin/env bash
# The repository's test command: bash tools/test.sh
#
# Needs only the .NET SDK (and node/npm when tools/NodePeer exists). Builds the host solution once, in
# Release, then runs every suite against that build:
#   - every NFUnitTest project (Mikrotik.Nano.Tests, samples/Esp32Watchdog.Tests; nano-compiled) under
#     tools/NanoTestRunner, the host launcher;
#   - every .nfproj built by nanoFramework's own tools and every NFUnitTest project run on nanoCLR
#     (../shared/nanolab or $NANOLAB: nfbuild.py + nftest.sh), the authority;
#   - each xunit project listed in tools/Mikrotik.Nano.Host.slnx.
# The device layer needs nanoFramework's runtime and metadata processor, which are not distributed with
# the project: without a lab the summary says so in one line ("not run: no nanoFramework runtime here").
# Prints a summary per layer and suite and, alone on the last line, "N passed, N failed" (", N skipped"
# if any): the totals of what ran.
# Exits non-zero when the build fails, any test fails, or no test ran. Logs and .trx files: TestResults/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release
solution=tools/Mikrotik.Nano.Host.slnx
results=TestResults
rm -rf "$results"
mkdir -p "$results"

total_passed=0
total_failed=0
total_skipped=0
# One summary per layer: the host launcher's NFUnitTest runs, the device layer, the xunit suites.
summary_nano=()
summary_device=()
summary_xunit=()

# record LAYER SUITE PASSED FAILED SKIPPED (LAYER: nano, device or xunit)
record() {
  local -n into="summary_$1"
  shift
  into+=("$(printf '    %s  %d passed, %d failed, %d skipped' "$1" "$2" "$3" "$4")")
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
  total_skipped=$((total_skipped + $4))
}

echo "== build $solution ($configuration)"
if ! dotnet build "$solution" -c "$configuration" -nologo -v:q >"$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "build failed: nothing was tested"
  exit 1
fi
grep -E ' (warning|error) ' "$results/build.log" | sort -u || true

if [[ -f tools/NodePeer/package.json ]]; then
  echo "== npm dependencies (tools/NodePeer)"
  if [[ -f tools/NodePeer/package-lock.json ]]; then
    (cd tools/NodePeer && npm ci --silent --no-audit --no-fund)
  else
    (cd tools/NodePeer && npm install --silent --no-audit --no-fund)
  fi
fi

# Every NFUnitTest project of the host solution (AssemblyName NFUnitTest: Mikrotik.Nano.Tests, the
# watchdog's tests, ...), each run under the host launcher.
while read -r project; do
  path="tools/${project//\\//}"
  if ! grep -qE '<AssemblyName>[[:space:]]*NFUnitTest[[:space:]]*</AssemblyName>' "$path"; then
    continue
  fi
  name=$(basename "$path" .csproj)
  echo "== nano tests: $name (NFUnitTest) on the host launcher"
  nano_log="$results/nano-$name.log"
  status=0
  dotnet "tools/NanoTestRunner/bin/$configuration/net10.0/NanoTestRunner.dll" \
    "$(dirname "$path")/bin/$configuration/netstandard2.0/NFUnitTest.dll" </dev/null >"$nano_log" 2>&1 || status=$?
  # Passing tests are in the log; failures, skips and test output are worth showing here.
  grep -v '^Test passed,' "$nano_log" || true
  totals=$(grep -E '^nano tests: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$nano_log" | tail -n 1 || true)
  if [[ -n "$totals" ]]; then
    read -r passed failed skipped < <(sed -E 's/^nano tests: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/' <<<"$totals")
  else
    passed=0 failed=0 skipped=0
  fi
  if [[ $status -ne 0 && $failed -eq 0 ]]; then
    failed=1 # the runner crashed or ran nothing
  fi
  record nano "$name" "$passed" "$failed" "$skipped"
done < <(sed -nE 's/.*<Project Path="([^"]+)".*/\1/p' "$solution")

# The device suites on the real runtime: every .nfproj built by nanoFramework's own compiler pipeline and
# metadata processor (nfbuild.py), every NFUnitTest project run on nanoCLR with the real launcher (nftest.sh).
# This is the authority over the host launcher above.
lab=${NANOLAB:-$root/../shared/nanolab}
if [[ -x "$lab/tools/nftest.sh" ]]; then
  echo "== device tests: every .nfproj built with nfbuild.py, NFUnitTest run on nanoCLR ($lab)"
  device_log="$results/nanoclr-tests.log"
  status=0
  bash "$lab/tools/nftest.sh" "$root" >"$device_log" 2>&1 || status=$?
  # The build table, failures and program output are worth showing; passing lines stay in the log.
  grep -vE '^Test passed,' "$device_log" || true
  totals=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$device_log" | tail -n 1 || true)
  if [[ -n "$totals" ]]; then
    read -r passed failed skipped < <(sed -E 's/^([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/' <<<"$totals")
  else
    passed=0 failed=0 skipped=0
  fi
  if [[ $status -ne 0 && $failed -eq 0 ]]; then
    failed=1 # a build or conversion failed, a run crashed, hung or stopped silently
  fi
  record device "every NFUnitTest project" "$passed" "$failed" "$skipped"
else
  summary_device+=("    not run: no nanoFramework runtime here (set NANOLAB to a lab with tools/nfbuild.py and tools/nftest.sh)")
fi

# count NAME: one attribute of the trx <Counters> element in $counters.
count() { sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" <<<"$counters"; }

# The xunit projects: those in the host solution that are test projects.
while read -r project; do
  path="tools/${project//\\//}"
  if ! grep -qE 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>[[:space:]]*true' "$path"; then
    continue
  fi
  name=$(basename "$path" .csproj)
  echo "== xunit: $name"
  status=0
  dotnet test "$path" -c "$configuration" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" </dev/null >"$results/$name.log" 2>&1 || status=$?
  counters=$(grep -o '<Counters [^>]*>' "$results/$name.trx" 2>/dev/null | head -n 1 || true)
  if [[ -n "$counters" ]]; then
    passed=$(count passed)
    failed=$(($(count failed) + $(count error) + $(count timeout) + $(count aborted)))
    # xunit leaves notExecuted at 0 for skipped tests; what was not executed was skipped.
    skipped=$(($(count total) - $(count executed)))
  else
    passed=0 failed=0 skipped=0
  fi
  if [[ $status -ne 0 ]]; then
    grep -vE '^\s+at ' "$results/$name.log" || true
    if [[ $failed -eq 0 ]]; then
      failed=1 # the test host crashed or wrote no results
    fi
  fi
  record xunit "$name" "$passed" "$failed" "$skipped"
done < <(sed -nE 's/.*<Project Path="([^"]+)".*/\1/p' "$solution")

echo "== summary"
echo "  host: NFUnitTest suites (nano-compiled) on the host launcher, tools/NanoTestRunner"
printf '%s\n' "${summary_nano[@]}"
echo "  device: every .nfproj built by nanoFramework's tools, NFUnitTest suites on nanoCLR"
printf '%s\n' "${summary_device[@]}"
echo "  host: xunit suites (tools/Mikrotik.Nano.Host.slnx)"
printf '%s\n' "${summary_xunit[@]}"
if [[ $((total_passed + total_failed)) -eq 0 ]]; then
  echo "no test ran"
  total_failed=1
fi
line="$total_passed passed, $total_failed failed"
if [[ $total_skipped -gt 0 ]]; then
  line+=", $total_skipped skipped"
fi
echo "$line"
[[ $total_failed -eq 0 ]]
