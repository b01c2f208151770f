#!/usr/bin/env python3
"""Where the bytes of a nanoFramework .pe go: per table, and per type (its records, names and bytecode).

Usage: python3 tools/build/pe-footprint.py FILE.pe [--types N] [--strings N]

Reads the .pe that nanoFramework's metadata processor writes (marker NFMRK1): the assembly header, then
16 tables whose start offsets the header lists. Record sizes (bytes): TypeDef 24, FieldDef 8,
MethodDef 16, TypeRef 6, MethodRef/FieldRef 6, AssemblyRef 10. Names are offsets into the string table
(values with the top bit set point into the runtime's own string table and cost nothing here). A type's
share = its TypeDef record + its fields' and methods' records + the names only it uses + its methods'
bytecode; signatures and shared strings (namespace, literals used by several types) are listed apart.
"""
import struct
import sys

TABLES = ["AssemblyRef", "TypeRef", "FieldRef", "MethodRef", "TypeDef", "FieldDef", "MethodDef",
          "Attributes", "TypeSpec", "Resources", "ResourcesData", "Strings", "Signatures", "ByteCode",
          "ResourcesFiles", "EndOfAssembly"]
HEADER = 124


def read(path):
    d = open(path, "rb").read()
    if d[:6] != b"NFMRK1":
        sys.exit("%s: not a nanoFramework 1.x .pe (marker %r)" % (path, d[:8]))
    starts = struct.unpack_from("<16I", d, 40)
    return d, starts


def string_at(d, starts, index):
    if index & 0x8000 or index == 0xFFFF:
        return None  # the runtime's built-in string table
    at = starts[11] + index
    end = d.index(b"\0", at)
    return d[at:end].decode("utf-8", "replace")


def main(argv):
    path = argv[0]
    top_types = int(argv[argv.index("--types") + 1]) if "--types" in argv else 40
    top_strings = int(argv[argv.index("--strings") + 1]) if "--strings" in argv else 0
    d, starts = read(path)
    sizes = {TABLES[i]: starts[i + 1] - starts[i] for i in range(15)}
    print("%s: %d B" % (path.rsplit("/", 1)[-1], len(d)))
    print("  header %d B; " % HEADER + ", ".join("%s %d" % (k, v) for k, v in sizes.items() if v))

    types = []
    for i in range(sizes["TypeDef"] // 24):
        name, ns, _ext, enclosing, _itf, m_first, vm, im, sm, _dt, sf_first, if_first, sf, inf, flags = \
            struct.unpack_from("<HHHHHHBBBBHHBBH", d, starts[4] + 24 * i)
        label = string_at(d, starts, name)
        if label is None:
            label = "(name in the runtime's table, methods %d..)" % m_first
        types.append(dict(name=label, ns=string_at(d, starts, ns), name_index=name,
                          methods=range(m_first, m_first + vm + im + sm),
                          fields=list(range(sf_first, sf_first + sf)) + list(range(if_first, if_first + inf))))

    methods = []
    for i in range(sizes["MethodDef"] // 16):
        name, rva, flags, ret, nargs, nlocals, stack, locals_sig, sig = struct.unpack_from("<HHIBBBBHH", d, starts[6] + 16 * i)
        methods.append(dict(name=name, rva=rva))
    bodies = sorted(m["rva"] for m in methods if m["rva"] != 0xFFFF) + [sizes["ByteCode"]]
    for m in methods:
        if m["rva"] == 0xFFFF:
            m["code"] = 0
        else:
            k = bodies.index(m["rva"])
            m["code"] = bodies[k + 1] - m["rva"]

    fields = [struct.unpack_from("<HHHH", d, starts[5] + 8 * i)[0] for i in range(sizes["FieldDef"] // 8)]

    # Which string indexes each type uses by name (its own, its fields', its methods').
    users = {}
    for t in types:
        t["strings"] = {t["name_index"]} | {fields[f] for f in t["fields"]} | {methods[m]["name"] for m in t["methods"]}
        for s in t["strings"]:
            users.setdefault(s, set()).add(t["name"])

    def string_cost(index):
        text = string_at(d, starts, index)
        return 0 if text is None else len(text.encode("utf-8")) + 1

    rows = []
    for t in types:
        own = sum(string_cost(s) for s in t["strings"] if len(users.get(s, ())) == 1)
        code = sum(methods[m]["code"] for m in t["methods"])
        records = 24 + 8 * len(t["fields"]) + 16 * len(t["methods"])
        rows.append((records + own + code, t, records, own, code))
    rows.sort(key=lambda r: -r[0])
    print("  %-44s %6s %7s %6s %6s %7s %7s" % ("type", "total", "records", "names", "code", "fields", "methods"))
    for total, t, records, own, code in rows[:top_types]:
        print("  %-44s %6d %7d %6d %6d %7d %7d" % (t["name"], total, records, own, code, len(t["fields"]), len(t["methods"])))
    accounted = sum(r[0] for r in rows)
    print("  types above: %d B; rest (header, refs, signatures, shared and literal strings): %d B" % (accounted, len(d) - accounted))

    if top_strings:
        table = d[starts[11]:starts[12]]
        strings = [s.decode("utf-8", "replace") for s in table.split(b"\0") if s]
        print("  longest strings:")
        for s in sorted(strings, key=len, reverse=True)[:top_strings]:
            print("    %4d %s" % (len(s.encode("utf-8")) + 1, s))


if __name__ == "__main__":
    main(sys.argv[1:])
