#!/usr/bin/env python3
"""Rewrites the <Compile Include> list of each .nfproj from the .cs files on disk.

The device build compiles only the files its .nfproj lists; run this after adding or removing a
source file (the consistency check in tools/HostTests fails until the lists match).
An item group labelled `Linked <folder>` (e.g. `Linked ..\Esp32Watchdog`) is rewritten with the .cs
files of that other project, minus its Platform\ and Properties\ folders: the watchdog's test
project compiles the watchdog's logic in, because a test project may not reference an Exe (its
Main would run instead of the test launcher).
Usage: python3 tools/build/update-nfproj.py [path/to/project.nfproj ...]  (default: all)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP = {"bin", "obj", "node_modules", "packages"}


def is_project(folder):
    return any(f.endswith((".csproj", ".nfproj")) for f in os.listdir(folder))


def sources(folder):
    found = []
    for root, dirs, files in os.walk(folder):
        # A folder with a project of its own (e.g. the watchdog's Host runner) is not this project's.
        dirs[:] = [d for d in dirs if d not in SKIP and not is_project(os.path.join(root, d))]
        found += [os.path.relpath(os.path.join(root, f), folder).replace("/", "\\")
                  for f in files if f.endswith(".cs")]
    return sorted(found, key=str.lower)


LINKED = re.compile(r'  <ItemGroup Label="Linked ([^"]+)">\n(?:    <Compile [^\n]*/>\n)*  </ItemGroup>\n')


def linked(folder, other):
    files = [f for f in sources(os.path.join(folder, other.replace("\\", os.sep)))
             if not f.startswith(("Platform\\", "Properties\\"))]
    name = os.path.basename(other.replace("\\", "/"))
    return '  <ItemGroup Label="Linked %s">\n' % other + "".join(
        '    <Compile Include="%s\\%s" Link="%s\\%s" />\n' % (other, f, name, f) for f in files) + "  </ItemGroup>\n"


def update(path):
    text = open(path, encoding="utf-8").read()
    block = "  <ItemGroup>\n" + "".join(
        '    <Compile Include="%s" />\n' % f for f in sources(os.path.dirname(path))) + "  </ItemGroup>\n"
    pattern = re.compile(r"  <ItemGroup>\n(?:    <Compile Include=\"[^\"]*\" />\n)+  </ItemGroup>\n")
    if not pattern.search(text):
        sys.exit("%s: no <Compile> item group found" % path)
    new = pattern.sub(lambda _: block, text, count=1)
    new = LINKED.sub(lambda m: linked(os.path.dirname(path), m.group(1)), new)
    if new != text:
        open(path, "w", encoding="utf-8", newline="").write(new)
        print("updated", os.path.relpath(path, ROOT))


def main(args):
    paths = args or [os.path.join(r, f) for r, d, fs in os.walk(ROOT)
                     if not (set(r.split(os.sep)) & SKIP) for f in fs if f.endswith(".nfproj")]
    for p in paths:
        update(p)


if __name__ == "__main__":
    main(sys.argv[1:])
