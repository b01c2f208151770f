#!/usr/bin/env bash
# Speed of the core on the real nanoFramework runtime: builds benchmarks/Mikrotik.Nano.NanoBench (and
# what it references) with the lab's nfbuild.py, then runs it on the lab's nanoCLR with the .pe files
# of its deploy list, bounded by a time limit. Prints the program's lines (between Ready. and Done.).
#   bash benchmarks/nanoclr-bench.sh [--timeout SECONDS]      (default 600)
# The lab: $NANOLAB, else ../shared/nanolab beside the repository (as tools/test.sh finds it).
# Exit: 0 the program printed "NanoBench: done"; 1 it failed, crashed or timed out; 2 the build failed;
# 3 no lab.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
limit=600
if [[ ${1:-} == --timeout ]]; then
  limit=${2:?--timeout needs seconds}
fi

lab=${NANOLAB:-$root/../shared/nanolab}
if [[ ! -x "$lab/bin/nanoclr" || ! -f "$lab/tools/nfbuild.py" ]]; then
  echo "no nanolab found (set NANOLAB or place it at ../shared/nanolab): nothing to run" >&2
  exit 3
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nanobench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# nfbuild builds every .nfproj under the root it is given; the copy holds only the bench and Core.
mkdir -p "$work/src/benchmarks"
cp -r "$root/Mikrotik.Nano.Core" "$work/src/"
cp -r "$root/benchmarks/Mikrotik.Nano.NanoBench" "$work/src/benchmarks/"
rm -rf "$work/src/Mikrotik.Nano.Core/bin" "$work/src/Mikrotik.Nano.Core/obj"
if ! python3 "$lab/tools/nfbuild.py" "$work/src" --work "$work/build" --quiet; then
  echo "nfbuild failed: see above" >&2
  exit 2
fi

# The .pe files to load: the deploy list nfbuild computed for the bench (its own .pe, Core, mscorlib).
mapfile -t deploy < <(python3 - "$work/build/nfbuild.json" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1]))["projects"]:
    if p["project"].endswith("Mikrotik.Nano.NanoBench.nfproj"):
        print("\n".join(p["deploy"]))
PY
)
if [[ ${#deploy[@]} -eq 0 ]]; then
  echo "the bench's deploy list is empty: see $work/build/nfbuild.json" >&2
  exit 2
fi

echo "== nanoCLR: $(basename "${deploy[0]}") and $((${#deploy[@]} - 1)) more .pe; limit ${limit}s; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
# The program times itself by the wall clock; on a shared machine nanoclr gets only part of a core.
# Its CPU time over its wall time says how much: figures scaled by it estimate an idle core.
TIMEFORMAT='%R %U %S'
{ time timeout -k 10 "$limit" "$lab/bin/nanoclr" "${deploy[@]}" >"$work/run.log" 2>&1 || status=$?; } 2>"$work/time"
tr -d '\r' <"$work/run.log" | sed -n '/^Ready\.$/,/^Done\.$/p' | sed '/^Ready\.$/d;/^Done\.$/d'
read -r wall user sys <"$work/time"
awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { share = (u + s) / w; printf "== nanoclr used %.1f s of CPU in %.1f s (%.0f%% of a core; load %s): on an idle core the rates above would be about %.1fx higher\n", u + s, w, 100 * share, "'"$(cut -d' ' -f1 /proc/loadavg)"'", 1 / share }'
if [[ $status -ne 0 ]]; then
  echo "nanoclr exit $status (124/137: time limit of ${limit}s)" >&2
  tail -n 5 "$work/run.log" >&2
  exit 1
fi
if ! tr -d '\r' <"$work/run.log" | grep -q '^NanoBench: done$'; then
  exit 1
fi
