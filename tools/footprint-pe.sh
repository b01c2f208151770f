#!/usr/bin/env bash
# Flash footprint from nanoFramework's own metadata processor: builds every .nfproj with the lab's
# nfbuild.py in Release and prints the .pe size of Core, Device and the watchdog, and Core + Device
# against the 24 KiB goal. Release as Visual Studio's project system builds it: with DebugSymbols (the
# compiler's /debug+), which those .nfproj files state; the READMEs' figures are of that build.
#   bash tools/footprint-pe.sh            the table
#   bash tools/footprint-pe.sh --detail   also where each .pe's bytes go (tables, and per type:
#                                         records, names only it uses, bytecode), by tools/build/pe-footprint.py
# The lab: $NANOLAB, else ../shared/nanolab beside the repository (as tools/test.sh finds it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
detail=0
[[ ${1:-} == --detail ]] && detail=1
lab=${NANOLAB:-$root/../shared/nanolab}
if [[ ! -f "$lab/tools/nfbuild.py" ]]; then
  echo "no nanolab found (set NANOLAB or place it at ../shared/nanolab): the .pe sizes need its metadata processor" >&2
  exit 3
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/footprint-pe.XXXXXX")
trap 'rm -rf "$work"' EXIT
if ! python3 "$lab/tools/nfbuild.py" "$root" -c Release --work "$work" --quiet >"$work/nfbuild.log" 2>&1; then
  cat "$work/nfbuild.log"
  echo "nfbuild failed" >&2
  exit 2
fi

python3 - "$work/nfbuild.json" "$detail" "$root/tools/build/pe-footprint.py" <<'PY'
import json, subprocess, sys
manifest, detail, tool = sys.argv[1], sys.argv[2] == "1", sys.argv[3]
projects = {p["assembly"]: p for p in json.load(open(manifest))["projects"] if p.get("pe_bytes")}
rows = [("Mikrotik.Nano.Core", "Core"), ("Mikrotik.Nano.Device", "Device (with Platform/)"), ("Esp32Watchdog", "Esp32Watchdog (with Platform/)")]
print("| assembly | .dll (B) | .pe (B) |")
print("|---|---:|---:|")
for name, label in rows:
    p = projects.get(name)
    if p:
        print("| %s | %s | %s |" % (label, format(p["dll_bytes"], ","), format(p["pe_bytes"], ",")))
core = projects.get("Mikrotik.Nano.Core", {}).get("pe_bytes", 0)
device = projects.get("Mikrotik.Nano.Device", {}).get("pe_bytes", 0)
goal = 24 * 1024
print("| **Core + Device** | | **%s** (goal %s: %s) |" % (format(core + device, ","), format(goal, ","),
      "met" if core + device <= goal else "%s over" % format(core + device - goal, ",")))
if detail:
    for name, _ in rows:
        if name in projects:
            print()
            sys.stdout.flush()
            subprocess.run([sys.executable, tool, projects[name]["pe"], "--types", "25", "--strings", "12"], check=True)
PY
