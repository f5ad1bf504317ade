#!/usr/bin/env python3
"""Hand-encodes the pprof (profile.proto) test profiles of PprofImporterTests.

No protobuf library: a few functions write the wire format directly, so the
bytes are exactly what the tests expect, unusual encodings included.

    python3 make_fixtures.py                 # rewrites the .pb files beside this script
    python3 make_fixtures.py --big OUT.pb    # a large profile for timing
        [--samples 200000] [--functions 5000] [--depth 30] [--seed 1]

The fixtures (uncompressed, as InputByteStream hands them over once
decompressed):

heap.pb    Go heap profile: sample types alloc_objects, alloc_space,
           inuse_objects, inuse_space; period_type space/bytes; one mapping
           (/usr/local/bin/server); an inlined location (json.Unmarshal
           inlined into main.parse); a recursive stack (main.walk three
           times); a sample whose inuse values are zero; a label on one
           sample. Sums: alloc_objects 25, alloc_space 7000, inuse_objects 8,
           inuse_space 5300.
cpu.pb     Go CPU profile: samples/count and cpu/nanoseconds, period 10 ms.
           Sums: samples 6, cpu 60,000,000.
native.pb  A native profile without symbols in libc: locations with no lines
           named by mapping and offset (libc.so.6+0x29234) or address
           (0xdeadbeef), a function with only a system name, the string
           table written first, unpacked location ids, unknown fields and a
           group to skip; default_sample_type "samples". Sums: samples 7,
           wall 700.
"""

import argparse
import os
import random
import struct


def varint(value):
    value &= (1 << 64) - 1  # negative int64 values are ten-byte varints
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def key(field, wire_type):
    return varint(field << 3 | wire_type)


def int_field(field, value):
    """A varint field; zero is omitted, as proto3 writers do."""
    return key(field, 0) + varint(value) if value else b""


def bytes_field(field, data):
    return key(field, 2) + varint(len(data)) + data


def packed(field, values):
    return bytes_field(field, b"".join(varint(v) for v in values)) if values else b""


def unpacked(field, values):
    return b"".join(key(field, 0) + varint(v) for v in values)


class Builder:
    """A Profile message under construction, with its string table."""

    def __init__(self):
        self.strings = [""]
        self.index = {"": 0}
        self.parts = []

    def s(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def value_type(self, field, type_name, unit):
        self.parts.append(
            bytes_field(field, int_field(1, self.s(type_name)) + int_field(2, self.s(unit)))
        )

    def sample(self, location_ids, values, labels=(), pack=True):
        encode = packed if pack else unpacked
        body = encode(1, location_ids) + encode(2, values)
        for label_key, number in labels:
            body += bytes_field(3, int_field(1, self.s(label_key)) + int_field(3, number))
        self.parts.append(bytes_field(2, body))

    def mapping(self, id, start, limit, offset, filename):
        body = (
            int_field(1, id) + int_field(2, start) + int_field(3, limit) + int_field(4, offset)
            + int_field(5, self.s(filename)) + int_field(7, 1)
        )
        self.parts.append(bytes_field(3, body))

    def location(self, id, mapping_id, address, lines):
        """lines: (function_id, line) pairs, innermost (inlined) first."""
        body = int_field(1, id) + int_field(2, mapping_id) + int_field(3, address)
        for function_id, line in lines:
            body += bytes_field(4, int_field(1, function_id) + int_field(2, line))
        self.parts.append(bytes_field(4, body))

    def function(self, id, name, filename="", system_name=None, start_line=0):
        body = (
            int_field(1, id) + int_field(2, self.s(name))
            + int_field(3, self.s(name if system_name is None else system_name))
            + int_field(4, self.s(filename)) + int_field(5, start_line)
        )
        self.parts.append(bytes_field(5, body))

    def raw(self, data):
        self.parts.append(data)

    def string_table(self):
        return b"".join(bytes_field(6, text.encode()) for text in self.strings)

    def encode(self, strings_first=False):
        table = self.string_table()
        body = b"".join(self.parts)
        return table + body if strings_first else body + table


def heap():
    p = Builder()
    for name, unit in [
        ("alloc_objects", "count"), ("alloc_space", "bytes"),
        ("inuse_objects", "count"), ("inuse_space", "bytes"),
    ]:
        p.value_type(1, name, unit)
    samples = [
        ([5, 2, 1], [10, 1000, 2, 200], [("bytes", 100)]),  # main;load;mallocgc
        ([5, 3, 1], [5, 5000, 5, 5000], []),  # main;parse;Unmarshal (inlined);mallocgc
        ([5, 4, 4, 4, 1], [3, 300, 1, 100], []),  # main;walk;walk;walk;mallocgc
        ([5, 2, 1], [7, 700, 0, 0], []),  # freed: zero in use
    ]
    for ids, values, labels in samples:
        p.sample(ids, values, labels)
    p.mapping(1, 0x400000, 0x800000, 0, "/usr/local/bin/server")
    p.location(1, 1, 0x401000, [(1, 12)])
    p.location(2, 1, 0x402000, [(2, 20)])
    p.location(3, 1, 0x403000, [(4, 100), (3, 31)])  # Unmarshal inlined into parse
    p.location(4, 1, 0x404000, [(5, 40)])
    p.location(5, 1, 0x405000, [(6, 900)])
    p.function(1, "main.main", "main.go", start_line=10)
    p.function(2, "main.load", "main.go", start_line=18)
    p.function(3, "main.parse", "main.go", start_line=30)
    p.function(4, "encoding/json.Unmarshal", "/usr/local/go/src/encoding/json/decode.go")
    p.function(5, "main.walk", "main.go", start_line=38)
    p.function(6, "runtime.mallocgc", "/usr/local/go/src/runtime/malloc.go")
    p.value_type(11, "space", "bytes")
    p.raw(int_field(12, 524288))
    return p.encode()


def cpu():
    p = Builder()
    p.value_type(1, "samples", "count")
    p.value_type(1, "cpu", "nanoseconds")
    p.sample([2, 1], [3, 30_000_000])
    p.sample([3, 1], [2, 20_000_000])
    p.sample([1], [1, 10_000_000])
    p.mapping(1, 0x400000, 0x500000, 0, "/usr/local/bin/app")
    p.location(1, 1, 0x401000, [(1, 5)])
    p.location(2, 1, 0x402000, [(2, 9)])
    p.location(3, 1, 0x403000, [(3, 14)])
    p.function(1, "main.main", "app.go")
    p.function(2, "main.compute", "app.go")
    p.function(3, "sort.Slice", "/usr/local/go/src/sort/slice.go")
    p.raw(int_field(9, 1_700_000_000_000_000_000) + int_field(10, 1_000_000_000))
    p.value_type(11, "cpu", "nanoseconds")
    p.raw(int_field(12, 10_000_000))
    return p.encode()


def native():
    p = Builder()
    p.value_type(1, "samples", "count")
    p.value_type(1, "wall", "nanoseconds")
    p.raw(int_field(14, p.s("samples")))  # default_sample_type
    p.raw(int_field(100, 42))  # an unknown varint field
    # An unknown group holding a nested group and a fixed64: skipped whole.
    p.raw(key(99, 3) + int_field(1, 7) + key(2, 3) + key(3, 1) + struct.pack("<Q", 1)
          + key(2, 4) + key(4, 5) + struct.pack("<I", 9) + key(99, 4))
    p.sample([2, 1], [4, 400], pack=False)
    p.sample([3, 2, 1], [1, 100], pack=False)
    p.sample([4, 1], [2, 200], pack=False)
    p.mapping(1, 0x7F0000000000, 0x7F0000200000, 0x28000, "/lib/x86_64-linux-gnu/libc.so.6")
    p.mapping(2, 0x1000, 0x9000, 0, "/usr/bin/app")
    p.location(1, 2, 0x1100, [(1, 7)])
    p.location(2, 1, 0x7F0000001234, [])  # libc, no symbols
    p.location(3, 0, 0xDEADBEEF, [])  # no mapping at all
    p.location(4, 2, 0x1200, [(2, 0)])  # a function with no line and no file
    p.function(1, "main", "app.c")
    p.function(2, "", system_name="_Z6helperv")
    return p.encode(strings_first=True)


def big(path, samples, functions, depth, seed):
    rng = random.Random(seed)
    p = Builder()
    p.value_type(1, "samples", "count")
    p.value_type(1, "cpu", "nanoseconds")
    p.mapping(1, 0x400000, 0x40000000, 0, "/usr/local/bin/service")
    files = [f"pkg{index % 97}/file{index % 389}.go" for index in range(functions)]
    for index in range(1, functions + 1):
        p.function(index, f"service/pkg{index % 97}.Function{index}", files[index - 1])
        p.location(index, 1, 0x400000 + 16 * index, [(index, 10 + index % 500)])
    # Stacks share prefixes, like real ones: each sample follows one of a few
    # hundred paths and cuts it at a random depth.
    paths = [[rng.randint(1, functions) for _ in range(depth)] for _ in range(400)]
    for _ in range(samples):
        chosen = paths[rng.randrange(len(paths))]
        cut = rng.randint(depth // 2, depth)
        leaf_first = list(reversed(chosen[:cut]))
        leaf_first[0] = rng.randint(1, functions)  # varied leaves
        count = rng.randint(1, 20)
        p.sample(leaf_first, [count, count * 10_000_000])
    p.value_type(11, "cpu", "nanoseconds")
    p.raw(int_field(12, 10_000_000))
    with open(path, "wb") as out:
        out.write(p.encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", metavar="OUT", help="write a large profile there instead")
    parser.add_argument("--samples", type=int, default=200_000)
    parser.add_argument("--functions", type=int, default=5_000)
    parser.add_argument("--depth", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    if arguments.big:
        big(arguments.big, arguments.samples, arguments.functions, arguments.depth, arguments.seed)
        return
    here = os.path.dirname(os.path.abspath(__file__))
    for name, make in [("heap.pb", heap), ("cpu.pb", cpu), ("native.pb", native)]:
        with open(os.path.join(here, name), "wb") as out:
            out.write(make())


if __name__ == "__main__":
    main()
