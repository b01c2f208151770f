#!/usr/bin/env bash
# Packs the library: bash tools/pack.sh [--output DIR]     (default DIR: artifacts/, gitignored)
#
# Writes, all at the version in tools/build/Version.props:
#   Mikrotik.Nano.Host.<v>.nupkg   for .NET 8+ apps: the host transports (tools/HostTransport) with the
#       Core and Device assemblies in lib/net8.0; no dependencies. Built anywhere the .NET SDK is.
#   Mikrotik.Nano.Host.Testing.<v>.nupkg   for their tests: the Mikrotik.Nano.Testing assembly
#       (InMemoryTransport, ManualClock); depends on Mikrotik.Nano.Host. Built anywhere too.
#   Mikrotik.Nano.Core.<v>.nupkg, Mikrotik.Nano.Device.<v>.nupkg   nanoFramework packages: a flat lib/ with
#       .dll, .pdb, .pdbx, .pe (nanoFramework's metadata processor) and .xml, built by nanoFramework's own
#       tools (a lab's nfbuild.py: $NANOLAB, else ../shared/nanolab), exact nanoFramework dependencies
#       (the .nuspec beside each .nfproj; HostTests checks them against packages.config).
#   Mikrotik.Nano.Testing.<v>.nupkg   the same layout: InMemoryTransport for tests, kept out of Device so
#       the deployed client does not carry it; depends on Device.
#   Where no metadata processor exists, the three nanoFramework packages are not built and one line says
#   why; the host packages still are.
#   The command analyzer (tools/Analyzers, Release) in analyzers/dotnet/cs of Core and of Host (Host does
#   not depend on Core, so each consumer gets one copy; Device gets it through Core), and in Core
#   build/Mikrotik.Nano.Core.targets, which adds it to packages.config projects (.nfproj).
# Builds are deterministic: ContinuousIntegrationBuild, and the repository's path mapped to /_/ so no
# builder path is left in the assemblies' debug directories.
# Needs the .NET SDK (and, for the nanoFramework packages, Python 3 and the lab); no nuget.exe.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

output=$root/artifacts
while [[ $# -gt 0 ]]; do
  case $1 in
    --output) output=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    *) echo "usage: bash tools/pack.sh [--output DIR]" >&2; exit 3 ;;
  esac
done

version=$(sed -nE 's|.*<MikrotikNanoVersion>([^<]+)</MikrotikNanoVersion>.*|\1|p' tools/build/Version.props)
if [[ -z "$version" ]]; then
  echo "pack: no <MikrotikNanoVersion> in tools/build/Version.props" >&2
  exit 1
fi

lab=${NANOLAB:-$root/../shared/nanolab}
nano=0
[[ -f "$lab/tools/nfbuild.py" ]] && nano=1

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$output" "$stage/src" "$stage/analyzers"
deterministic=(-p:ContinuousIntegrationBuild=true "-p:PathMap=$root=/_/")

# The analyzer and its code fixes: building the fixes builds the analyzer they reference.
echo "== analyzer (Release): Mikrotik.Nano.Analyzers, Mikrotik.Nano.Analyzers.CodeFixes"
dotnet build tools/Analyzers/Mikrotik.Nano.Analyzers.CodeFixes/Mikrotik.Nano.Analyzers.CodeFixes.csproj \
  -c Release -nologo -v:q -o "$stage/analyzer-build" "${deterministic[@]}" >"$stage/analyzer.log" 2>&1 \
  || { cat "$stage/analyzer.log"; echo "pack: the analyzer did not build" >&2; exit 1; }
# Only the two assemblies: the compiler provides Roslyn. The Core .nuspec names these paths.
cp "$stage/analyzer-build/Mikrotik.Nano.Analyzers.dll" "$stage/analyzer-build/Mikrotik.Nano.Analyzers.CodeFixes.dll" "$stage/analyzers/"

# The nanoFramework packages (Core, Device, Testing), where a lab's metadata processor is.
pack_nanoframework() {
  # The device build of Core, Device and Testing alone (a copy of their sources, so nothing else is built),
  #    with nanoFramework's compiler pipeline and metadata processor.
  for project in Mikrotik.Nano.Core Mikrotik.Nano.Device Mikrotik.Nano.Testing; do
    tar -C "$root" --exclude=bin --exclude=obj -cf - "$project" | tar -C "$stage/src" -xf -
  done
  echo "== nfbuild (Release): Mikrotik.Nano.Core, Mikrotik.Nano.Device, Mikrotik.Nano.Testing"
  if ! python3 "$lab/tools/nfbuild.py" "$stage/src" --work "$stage/nf" --quiet >"$stage/nfbuild.log" 2>&1; then
    cat "$stage/nfbuild.log"
    echo "pack: the device build failed" >&2
    exit 1
  fi
  sed -n '1,3p' "$stage/nfbuild.log"

  # The .nuspec files name their sources relative to the project folder (bin\Release\..., ..\README.md).
  cp README.md LICENSE "$stage/nf/"

  mkdir -p "$stage/nf/analyzers" "$stage/nf/build"
  cp "$stage/analyzers/"*.dll "$stage/nf/analyzers/"
  cp tools/Analyzers/package/Mikrotik.Nano.Analyzers.targets "$stage/nf/build/Mikrotik.Nano.Core.targets"

  # Their packages: dotnet pack of a file-less project with each .nuspec (no nuget.exe).
  packer=$stage/packer
  mkdir -p "$packer"
  cat >"$packer/Packer.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableDefaultItems>false</EnableDefaultItems>
    <IncludeBuildOutput>false</IncludeBuildOutput>
  </PropertyGroup>
</Project>
PROJ
  for project in Mikrotik.Nano.Core Mikrotik.Nano.Device Mikrotik.Nano.Testing; do
    nuspec="$stage/nf/$project/$project.nuspec"
    cp "$project/$project.nuspec" "$nuspec"
    echo "== pack $project $version"
    dotnet pack "$packer/Packer.csproj" -nologo -v:q -o "$output" \
      -p:NuspecFile="$nuspec" -p:NuspecBasePath="$stage/nf/$project" -p:NuspecProperties="version=$version" \
      >"$stage/pack-$project.log" 2>&1 || { cat "$stage/pack-$project.log"; exit 1; }
  done
}

ids=(Mikrotik.Nano.Host Mikrotik.Nano.Host.Testing)
if [[ $nano -eq 1 ]]; then
  pack_nanoframework
  ids=(Mikrotik.Nano.Core Mikrotik.Nano.Device Mikrotik.Nano.Testing "${ids[@]}")
else
  echo "pack: Mikrotik.Nano.Core, Mikrotik.Nano.Device and Mikrotik.Nano.Testing not built: their .pe files need nanoFramework's metadata processor, and no lab is here (set NANOLAB to one with tools/nfbuild.py)"
fi

# The host packages (their version comes from tools/build/Version.props through the projects).
for project in HostTransport HostTesting; do
  echo "== pack tools/$project $version"
  dotnet pack "tools/$project/$project.csproj" -c Release -nologo -v:q -o "$output" "${deterministic[@]}" \
    -p:MikrotikNanoAnalyzerFolder="$stage/analyzers" >"$stage/pack-$project.log" 2>&1 \
    || { cat "$stage/pack-$project.log"; exit 1; }
done

for id in "${ids[@]}"; do
  ls -l "$output/$id.$version.nupkg" | awk '{print $5 " bytes  " $9}'
done
