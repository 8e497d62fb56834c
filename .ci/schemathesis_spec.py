#!/usr/bin/env python3
"""The copy of spec/quay.yaml that schemathesis tests quay-mock against.

JSON Schema's `integer` has no bounds, and schemathesis draws integers of any size for one
without a `format` (-2^100, say). apigen reads such an integer as Swift's `Int`, 64 bits, as
any generator for a typed language must pick some width, so the server stubs refuse a larger
one with a 400 that names the range, and schemathesis would count that as a valid request
refused. This copy gives every integer without a format `format: int64`, which schemathesis
reads as the bounds of 64 bits; nothing else changes. The spec itself stays as Quay documents it.

  python3 .ci/schemathesis_spec.py spec/quay.yaml OUT.yaml
"""
import sys

import yaml


def bound(node):
    """Adds `format: int64` to every integer schema without a format, in place; returns how many."""
    count = 0
    if isinstance(node, dict):
        types = node.get("type")
        is_integer = types == "integer" or (isinstance(types, list) and "integer" in types)
        if is_integer and "format" not in node:
            node["format"] = "int64"
            count += 1
        for value in node.values():
            count += bound(value)
    elif isinstance(node, list):
        for value in node:
            count += bound(value)
    return count


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source) as handle:
        document = yaml.safe_load(handle)
    count = bound(document)
    with open(target, "w") as handle:
        yaml.safe_dump(document, handle, sort_keys=False, allow_unicode=True)
    print(f"{target}: {count} integer schemas bounded to 64 bits")


if __name__ == "__main__":
    main()
