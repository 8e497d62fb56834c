#!/usr/bin/env python3
"""`apigen diff` on the public corpus in ../shared/corpus: real documents against copies of themselves.

  Benchmarks/diff-corpus.sh                  # all 15 documents, with a release build of apigen
  Benchmarks/diff-corpus.sh --ci --apigen .build/debug/apigen    # the quick set, with the given binary
  Benchmarks/diff-corpus.sh --only stripe,vercel --runs 5
  Benchmarks/diff-corpus.sh --readme         # and write the table into the README

For each document (the corpus's files are only read; copies go to Benchmarks/.work/diff):
  1. same: the document against itself rewritten as JSON, keys in their order (a YAML document becomes JSON;
     DigitalOcean's root is rewritten beside a copy of its 2,850 files, so its relative $refs still
     resolve). apigen reads both through its model, so the report must be "no API changes". Then,
     for the record, against a rewrite with every object's keys sorted too: where several operations
     share an inline schema, apigen names its type after the first that uses it, so sorting the
     paths can rename such types, and the report says so (type-renamed; Swift code naming them breaks).
  2. edited: the document against a copy a script edited: its first operation removed, a new
     GET /apigen-diff-probe operation, a new required query parameter on its second operation, and a
     new server. The report must show operation-removed, operation-added, parameter-added-required
     and server-added, and `--fail-on breaking` must exit 1.
  Both are timed (median of --runs runs, wall clock, the whole command: reading and lowering both
  documents, comparing, printing JSON) and apigen's peak memory is taken from GNU time.

Exit status: 0 when every document passes both checks, 1 otherwise, 2 when apigen cannot be built;
when the corpus folder is absent it says so and exits 0.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import CI_DOCUMENTS, DEFAULT_CORPUS, DOCUMENTS, write_readme  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, "Benchmarks", ".work", "diff")
EXPECTED = ["operation-removed", "operation-added", "parameter-added-required", "server-added"]
METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]


class NoDatesLoader(yaml.SafeLoader):
    """YAML as JSON sees it: timestamps stay text (as apigen reads them), so the JSON copy says the same."""


NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path):
    with open(path, encoding="utf-8") as file:
        if path.endswith(".json"):
            return json.load(file)
        return yaml.load(file, Loader=NoDatesLoader)


def jsonable(value):
    """Keys as text (YAML allows `200:`), everything else as it is."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    return value


def operations(document):
    for path, item in (document.get("paths") or {}).items():
        if isinstance(item, dict):
            for method in METHODS:
                if isinstance(item.get(method), dict):
                    yield path, method, item[method]


def edit(document, base):
    """The four edits the report must show. An operation that is a `$ref` to another file
    (DigitalOcean's) gets its new parameter in that file, in the edited side's own copy."""
    listed = list(operations(document))
    first_path, first_method, _ = listed[0]
    del document["paths"][first_path][first_method]
    _, _, second = listed[1]
    probe = {"name": "apigen_probe", "in": "query", "required": True, "schema": {"type": "string"}}
    reference = second.get("$ref")
    if isinstance(reference, str) and not reference.startswith("#"):
        path = os.path.join(base, reference)
        target = jsonable(load(path))
        target["parameters"] = list(target.get("parameters") or []) + [probe]
        with open(path, "w", encoding="utf-8") as file:
            yaml.safe_dump(target, file, sort_keys=False)
    else:
        second["parameters"] = list(second.get("parameters") or []) + [probe]
    document["paths"]["/apigen-diff-probe"] = {"get": {
        "operationId": "apigenDiffProbe", "summary": "A probe added by the diff check",
        "responses": {"200": {"description": "OK"}}}}
    document["servers"] = list(document.get("servers") or [{"url": "/"}]) + [{"url": "https://probe.example.com"}]
    return document


def prepare(name, corpus):
    """The original's path, and the paths of its JSON rewrite, its key-sorted rewrite and its edited copy."""
    source = os.path.join(corpus, DOCUMENTS[name])
    folder = os.path.join(WORK, name)
    shutil.rmtree(folder, ignore_errors=True)
    bases = {}
    for side in ["same", "edited"]:
        if "/" in DOCUMENTS[name]:
            # Relative $refs: each copy sits beside its own copy of the document's folder.
            top = DOCUMENTS[name].split("/")[0]
            shutil.copytree(os.path.join(corpus, top), os.path.join(folder, side, top))
            bases[side] = os.path.join(folder, side, os.path.dirname(DOCUMENTS[name]))
        else:
            bases[side] = os.path.join(folder, side)
            os.makedirs(bases[side])
    document = jsonable(load(source))
    ordered = os.path.join(bases["same"], "apigen-sorted.json")
    with open(ordered, "w", encoding="utf-8") as file:
        json.dump(document, file, sort_keys=True)
    same = os.path.join(bases["same"], "apigen-same.json")
    with open(same, "w", encoding="utf-8") as file:
        json.dump(document, file)
    edited = os.path.join(bases["edited"], "apigen-edited.json")
    with open(edited, "w", encoding="utf-8") as file:
        json.dump(edit(jsonable(load(source)), bases["edited"]), file)
    return source, same, ordered, edited


def size_mb(name, corpus):
    """The document's size: its file, or its folder when it is many files."""
    if "/" not in DOCUMENTS[name]:
        return os.path.getsize(os.path.join(corpus, DOCUMENTS[name])) / 1e6
    top = os.path.join(corpus, DOCUMENTS[name].split("/")[0])
    return sum(os.path.getsize(os.path.join(root, file)) for root, _, files in os.walk(top) for file in files) / 1e6


def run_diff(apigen, old, new, extra=()):
    started = time.perf_counter()
    result = subprocess.run([apigen, "diff", old, new, "--format", "json", *extra], capture_output=True, text=True)
    return result, time.perf_counter() - started


def peak_memory(apigen, old, new):
    result = subprocess.run(["/usr/bin/time", "-f", "%M", apigen, "diff", old, new, "--format", "json"],
                            capture_output=True, text=True)
    lines = result.stderr.strip().splitlines()
    return int(lines[-1]) // 1024 if lines and lines[-1].isdigit() else None


def check(name, apigen, corpus, runs):
    source, same, ordered, edited = prepare(name, corpus)
    row = {"name": name, "size_mb": size_mb(name, corpus)}
    result, _ = run_diff(apigen, source, ordered)
    if result.returncode == 0:
        findings = json.loads(result.stdout)["findings"]
        kinds = sorted({finding["rule"] for finding in findings})
        row["sorted"] = f"{len(findings)} ({', '.join(kinds)})" if findings else "no change"
    else:
        row["sorted"] = f"exit {result.returncode}"
    result, _ = run_diff(apigen, source, same)
    if result.returncode != 0:
        row["same"] = f"exit {result.returncode}: {result.stderr.strip()[:300]}"
    else:
        findings = json.loads(result.stdout)["findings"]
        row["same"] = "ok" if not findings else f"{len(findings)} findings: " + "; ".join(f["message"] for f in findings[:3])
    times = []
    for _ in range(runs):
        result, seconds = run_diff(apigen, source, edited)
        times.append(seconds)
    row["time_s"] = statistics.median(times)
    row["peak_mb"] = peak_memory(apigen, source, edited)
    if result.returncode != 0:
        row["edited"] = f"exit {result.returncode}: {result.stderr.strip()[:300]}"
        return row
    report = json.loads(result.stdout)
    rules = sorted({finding["rule"] for finding in report["findings"]})
    row["findings"] = len(report["findings"])
    row["rules"] = rules
    row["bump"] = report["summary"]["suggestedBump"]
    missing = [rule for rule in EXPECTED if rule not in rules]
    gate = subprocess.run([apigen, "diff", source, edited, "--fail-on", "breaking"], capture_output=True).returncode
    row["edited"] = "ok" if not missing and gate == 1 else f"missing {missing}, --fail-on breaking exit {gate}"
    return row


def table(rows, apigen_label):
    machine = f"{os.cpu_count()} cores, {platform.system()} {platform.release()}"
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    lines = [f"{apigen_label} on {machine}, {swift}, {time.strftime('%Y-%m-%d %H:%M')}. Times: the whole "
             "`apigen diff OLD NEW --format json` command, median of the runs.", "",
             "| Document | Size | Against its JSON rewrite | Keys sorted too | Against an edited copy | Findings | Rules seen | Bump | Time | Peak memory |",
             "|---|---:|---|---|---|---:|---|---|---:|---:|"]
    for row in rows:
        rules = ", ".join(f"`{rule}`" for rule in row.get("rules", []))
        time_text = f"{row['time_s'] * 1000:.0f} ms" if "time_s" in row else ""
        peak = f"{row['peak_mb']} MiB" if row.get("peak_mb") else ""
        lines.append(f"| {row['name']} | {row['size_mb']:.1f} MB | {row['same']} | {row.get('sorted', '')} | {row.get('edited', '')} | "
                     f"{row.get('findings', '')} | {rules} | {row.get('bump', '')} | {time_text} | {peak} |")
    passed = sum(1 for row in rows if row["same"] == "ok" and row.get("edited") == "ok")
    lines += ["", f"**{passed}/{len(rows)}** documents: no change against their JSON rewrite, every edit found."]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--only", help="comma-separated short names")
    parser.add_argument("--ci", action="store_true", help="the quick set corpus.sh --ci uses")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--apigen", help="an apigen binary (default: a release build)")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    os.chdir(ROOT)
    if not os.path.isdir(args.corpus):
        print(f"no corpus at {args.corpus}: skipped")
        return 0
    names = list(DOCUMENTS)
    if args.ci:
        names = [name for name in names if name in CI_DOCUMENTS]
    if args.only:
        names = [name.strip() for name in args.only.split(",")]
        unknown = [name for name in names if name not in DOCUMENTS]
        if unknown:
            parser.error(f"unknown documents: {', '.join(unknown)}")
    apigen, label = args.apigen, "apigen (given binary)"
    if not apigen:
        if subprocess.run(["swift", "build", "-c", "release", "--product", "apigen"]).returncode != 0:
            return 2
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], capture_output=True, text=True).stdout.strip()
        apigen, label = os.path.join(bin_path, "apigen"), "apigen (release)"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    label = label.replace("apigen", f"apigen {commit}", 1)
    rows = []
    for name in names:
        print(f"{name}...", end=" ", flush=True)
        row = check(name, os.path.abspath(apigen), args.corpus, args.runs)
        print(f"same: {row['same']}; edited: {row.get('edited')}; {row.get('time_s', 0) * 1000:.0f} ms", flush=True)
        rows.append(row)
    text = table(rows, label)
    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(WORK, "results.md"), "w", encoding="utf-8") as file:
        file.write(text)
    with open(os.path.join(WORK, "results.json"), "w", encoding="utf-8") as file:
        json.dump(rows, file, indent=2)
    print()
    print(text)
    if args.readme:
        write_readme(text, marker="diff-corpus")
    return 0 if all(row["same"] == "ok" and row.get("edited") == "ok" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
