#!/usr/bin/env python3
"""How fast the generated client compiles, next to Apple's swift-openapi-generator, document by document.

  Benchmarks/compile-speed.sh                        # spec/quay.yaml and all 15 corpus documents (hours: Apple's big ones)
  Benchmarks/compile-speed.sh --only quay,stripe     # some of them
  Benchmarks/compile-speed.sh --no-apple             # ours only (minutes)
  Benchmarks/compile-speed.sh --readme               # and the table into README.md, between its compile markers

For each document:
  1. our client (`apigen generate --client`) and Apple's types + client (its generator 1.14.3, built from
     Benchmarks/apple, with Benchmarks/apple/openapi-generator-config-client.yaml) are generated into one
     scratch package (Benchmarks/.work/compile-speed), a target each: `<Name>Ours` on apigen's APIRuntime,
     `<Name>Apple` on swift-openapi-runtime. Their files and lines are counted.
  2. the dependencies (APIRuntime, OpenAPIRuntime and theirs) are built first, untimed.
  3. each target is built in debug, after touching all its sources, so its whole module is compiled and
     nothing else is: `swift build --target T`. Recorded: the wall time minus a no-op build of the same
     target (SwiftPM's planning, measured three times, median), the CPU time of every process (user +
     system), and the peak resident memory of the largest process (GNU time). Ours is built --runs times
     (median) after an untimed one. Apple's is built the same way, stopped at --apple-timeout (30 minutes:
     recorded as "> 30 min"), but timed once when that build took 3 minutes or more, since its big documents
     take many minutes each.
  4. the ratio: Apple's compile time over ours.

Writes Benchmarks/.work/compile-speed/results.json and prints a Markdown table. A document Apple's generator
refuses is recorded as such (its error), and its ratio left out. Exit status: 0 when every document of ours
compiled; 1 otherwise; 64 for wrong usage. When ../shared/corpus is absent, only spec/quay.yaml is measured.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402  (the corpus list and the process helpers)

ROOT = corpus.ROOT
WORK = os.path.join(ROOT, "Benchmarks", ".work", "compile-speed")
PACKAGE = os.path.join(WORK, "package")
SOURCES = os.path.join(PACKAGE, "Sources")
SCRATCH = os.path.join(WORK, ".build")
APPLE_BUILD = os.path.join(ROOT, "Benchmarks", ".work", "apple-build")
APPLE_CONFIG = os.path.join(ROOT, "Benchmarks", "apple", "openapi-generator-config-client.yaml")
APPLE_ONCE_S = 180   # an Apple module whose first sample takes this long or longer is timed once


def documents(args):
    """The documents to measure, short name -> path: spec/quay.yaml first, then the corpus's."""
    chosen = {"quay": os.path.join(ROOT, "spec", "quay.yaml")}
    folder = os.path.abspath(os.path.join(ROOT, args.corpus))
    if os.path.isdir(folder):
        chosen.update({short: os.path.join(folder, path) for short, path in corpus.DOCUMENTS.items()})
    else:
        print(f"{folder} is absent: measuring spec/quay.yaml only", flush=True)
    if args.only:
        wanted = args.only.split(",")
        unknown = [name for name in wanted if name not in chosen]
        if unknown:
            print(f"unknown documents: {', '.join(unknown)} (known: {', '.join(chosen)})", file=sys.stderr)
            sys.exit(64)
        chosen = {name: chosen[name] for name in wanted}
    return chosen


def build_tools(with_apple):
    """apigen (release, copied aside by corpus.build_apigen) and, with Apple's, its generator."""
    apigen = corpus.build_apigen()
    apple = None
    if with_apple:
        print("building swift-openapi-generator (release)...", flush=True)
        command = ["swift", "build", "-c", "release", "--package-path", os.path.join(ROOT, "Benchmarks", "apple"),
                   "--scratch-path", APPLE_BUILD, "--product", "swift-openapi-generator"]
        result = corpus.run(command)
        if result["returncode"] != 0:
            print(result["output"][-3000:], file=sys.stderr)
            sys.exit(2)
        bin_path = corpus.run(command[:-2] + ["--show-bin-path"])["output"].strip().splitlines()[-1]
        apple = os.path.join(bin_path, "swift-openapi-generator")
    return apigen, apple


def generate(apigen, apple, short, spec):
    """Both generators' client modules for one document, into the package's Sources."""
    name = corpus.swift_name(spec) if short != "quay" else "Quay"
    row = {"document": short, "name": name}
    ours = os.path.join(SOURCES, name + "Ours")
    scratch = os.path.join(WORK, "generated", short)
    corpus.fresh(scratch)
    started = time.perf_counter()
    result = corpus.run([apigen, "generate", "--spec", spec, "--output", scratch, "--client"] + (["--name", "Quay"] if short == "quay" else []),
                        timeout=600)
    row["ours_generate_s"] = time.perf_counter() - started
    if result["returncode"] != 0:
        row["ours_error"] = result["output"][-2000:]
        return row
    shutil.rmtree(ours, ignore_errors=True)
    shutil.move(os.path.join(scratch, "Client"), ours)
    row["ours_size"] = corpus.swift_lines(ours)
    if apple:
        theirs = os.path.join(SOURCES, name + "Apple")
        corpus.fresh(theirs)
        started = time.perf_counter()
        result = corpus.run([apple, "generate", spec, "--config", APPLE_CONFIG, "--output-directory", theirs], timeout=1800)
        row["apple_generate_s"] = time.perf_counter() - started
        if result["returncode"] != 0 or result["timed_out"]:
            row["apple_error"] = refusal(result)
            shutil.rmtree(theirs, ignore_errors=True)
        else:
            row["apple_size"] = corpus.swift_lines(theirs)
    return row


def refusal(result):
    """Why Apple's generator gave up: its first `Error:` line (it may go on writing files after it), else its last."""
    if result["timed_out"]:
        return "timed out"
    lines = result["output"].strip().splitlines() or ["no output"]
    errors = [line[line.index("Error:"):] for line in lines if "Error:" in line]
    return (errors[0] if errors else lines[-1])[:300]


def write_package(rows):
    targets = []
    for row in rows:
        if "ours_size" in row:
            targets.append(f'        .target(name: "{row["name"]}Ours", dependencies: [.product(name: "APIRuntime", package: "apigen")]),')
        if "apple_size" in row:
            targets.append(f'        .target(name: "{row["name"]}Apple", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]),')
    with open(os.path.join(PACKAGE, "Package.swift"), "w") as handle:
        handle.write(f"""// swift-tools-version: 6.1
// Written by Benchmarks/compile_speed.py: each generated client module on its own.
import PackageDescription
let package = Package(
    name: "CompileSpeed",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "apigen", path: "{ROOT}"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    ],
    targets: [
{chr(10).join(targets)}
    ],
    swiftLanguageModes: [.v6]
)
""")


def build(target, timeout=None):
    """One `swift build --target` under GNU time: wall, CPU of every process, peak memory of the largest."""
    stats = os.path.join(WORK, "time.txt")
    command = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", stats,
               "swift", "build", "--package-path", PACKAGE, "--scratch-path", SCRATCH, "--target", target]
    result = corpus.run(command, timeout=timeout)
    measured = {"ok": result["returncode"] == 0 and not result["timed_out"], "timed_out": result["timed_out"],
                "wall_s": result["seconds"]}
    if os.path.exists(stats) and not result["timed_out"]:
        with open(stats) as handle:   # GNU time's figures are its last line (a failed command adds one before)
            fields = (handle.read().strip().splitlines() or [""])[-1].split()
        if len(fields) >= 4:
            measured.update({"cpu_s": float(fields[1]) + float(fields[2]), "peak_mib": int(fields[3]) / 1024})
        os.remove(stats)
    if not measured["ok"]:
        measured["tail"] = result["output"][-2000:]
        errors = [line.strip() for line in result["output"].splitlines() if ": error: " in line]
        measured["error"] = errors[0].split(f"{PACKAGE}/Sources/")[-1][:300] if errors else ""
    return measured


def compile_target(target, runs, timeout, once_over=None):
    """A clean compile of one module, `runs` times (median), minus SwiftPM's planning.

    An untimed build comes first, so that every sample is a rebuild of all the module's sources: a module's very
    first build can take far longer (Apple's Stripe module took 483 s the first time, 188 s rebuilt). A module
    whose first sample takes `once_over` seconds or more is timed that once (Apple's big ones take many minutes).
    """
    sources = os.path.join(SOURCES, target)
    first = build(target, timeout)
    if not first["ok"]:
        return failure(first)
    samples = []
    for _ in range(runs):
        corpus.touch_all(sources)
        sample = build(target, timeout)
        if not sample["ok"]:
            return failure(sample)
        samples.append(sample)
        if once_over is not None and sample["wall_s"] >= once_over:
            break
    noop = statistics.median(build(target)["wall_s"] for _ in range(3))
    middle = sorted(samples, key=lambda sample: sample["wall_s"])[len(samples) // 2]
    return {"status": "ok", "compile_s": middle["wall_s"] - noop, "wall_s": middle["wall_s"], "noop_s": noop, "runs": len(samples),
            "cpu_s": middle.get("cpu_s"), "peak_mib": middle.get("peak_mib")}


def failure(measured):
    """A build that did not finish: timed out, or failed (with its first error)."""
    return {"status": "timeout" if measured["timed_out"] else "FAIL", "tail": measured.get("tail", ""),
            "error": measured.get("error", "")}


def cell_seconds(result, timeout):
    if result is None:
        return ""
    if result["status"] == "timeout":
        return f"> {timeout // 60} min"
    if result["status"] == "FAIL":
        return "does not compile"
    return f"{result['compile_s']:.1f} s"


def markdown(results):
    runs, timeout = results["runs"], results["apple_timeout_s"]
    lines = [
        f"apigen {results['commit']} on {results['machine']}, {results['date']}. "
        f"A clean debug build of each client module alone, its dependencies prebuilt: the wall time of "
        f"`swift build --target` after touching every source (after an untimed first build), minus a no-op build of it (SwiftPM's planning); ours "
        f"the median of {runs} runs, Apple's (swift-openapi-generator 1.14.3, types + client) the same, or "
        f"one run when it took {APPLE_ONCE_S // 60} minutes or more, stopped at "
        f"{timeout // 60} minutes. CPU is every compiler process's time together; memory is the largest process's peak.",
        "",
        "| Document | Faster than Apple's | Ours: compile | Apple: compile | Ours: CPU | Apple: CPU | Ours: peak memory | Apple: peak memory | Ours: files / lines | Apple: files / lines | Ours: generate |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    refused = []
    for row in results["rows"]:
        ours, apple = row.get("ours"), row.get("apple")
        ratio = ""
        if ours and ours["status"] == "ok" and apple:
            if apple["status"] == "ok":
                ratio = f"**{apple['compile_s'] / ours['compile_s']:.1f}×**"
            elif apple["status"] == "timeout":
                ratio = f"**> {timeout / ours['compile_s']:.0f}×**"
            else:
                refused.append(f"{row['document']}: its output does not compile: {apple.get('error', '').replace('`', '')}")
                ratio = f"Apple's output does not compile ({len(refused)})"
        elif "apple_error" in row:
            refused.append(f"{row['document']}: {row['apple_error'].replace('`', '')}")
            ratio = f"Apple's generator refuses it ({len(refused)})"

        def cpu(result):
            return f"{result['cpu_s']:.1f} s" if result and result.get("cpu_s") is not None else ""

        def memory(result):
            return f"{result['peak_mib']:,.0f} MiB" if result and result.get("peak_mib") is not None else ""

        def size(key):
            value = row.get(key)
            return f"{value['files']} / {value['lines']:,}" if value else ""

        lines.append(f"| {row['document']} | {ratio} | {cell_seconds(ours, timeout)} | {cell_seconds(apple, timeout)} | "
                     f"{cpu(ours)} | {cpu(apple)} | {memory(ours)} | {memory(apple)} | {size('ours_size')} | {size('apple_size')} | "
                     f"{row['ours_generate_s']:.2f} s |")
    if refused:
        lines += ["", "Where Apple's generator stops, or what its output stops on:", ""] + [f"{number}. {reason}" for number, reason in enumerate(refused, 1)]
    return "\n".join(lines)


def arguments():
    parser = argparse.ArgumentParser(description="Compile times of the generated client, next to Apple's generator's.")
    parser.add_argument("--only", help="comma-separated documents (quay and the corpus's short names)")
    parser.add_argument("--no-apple", action="store_true", help="measure our clients only")
    parser.add_argument("--runs", type=int, default=3, help="timed builds of each of our modules (median); default 3")
    parser.add_argument("--apple-timeout", type=int, default=1800, help="seconds before an Apple build is stopped; default 1800")
    parser.add_argument("--corpus", default=corpus.DEFAULT_CORPUS, help="the corpus folder, relative to the repository")
    parser.add_argument("--readme", action="store_true", help="also put the table into README.md, between its compile markers")
    return parser.parse_args()


def main():
    args = arguments()
    chosen = documents(args)
    os.makedirs(SOURCES, exist_ok=True)
    apigen, apple = build_tools(not args.no_apple)
    rows = []
    for short, spec in chosen.items():
        print(f"generating {short}...", flush=True)
        rows.append(generate(apigen, apple, short, spec))
    for stale in os.listdir(SOURCES):
        if not any(stale in (row["name"] + "Ours", row["name"] + "Apple") for row in rows):
            shutil.rmtree(os.path.join(SOURCES, stale), ignore_errors=True)
    write_package(rows)
    print("building the dependencies, untimed...", flush=True)
    for dependency in ["APIRuntime"] + (["OpenAPIRuntime"] if apple else []):
        result = corpus.run(["swift", "build", "--package-path", PACKAGE, "--scratch-path", SCRATCH, "--target", dependency])
        if result["returncode"] != 0:
            print(result["output"][-3000:], file=sys.stderr)
            sys.exit(2)
    results = {"commit": corpus.commit(), "date": time.strftime("%Y-%m-%d %H:%M"), "machine": corpus.machine(),
               "runs": args.runs, "apple_timeout_s": args.apple_timeout, "rows": rows}
    for row in rows:
        if "ours_size" in row:
            print(f"  {row['name']}Ours...", end=" ", flush=True)
            row["ours"] = compile_target(row["name"] + "Ours", args.runs, timeout=3600)
            print(cell_seconds(row["ours"], 3600), flush=True)
        if "apple_size" in row:
            print(f"  {row['name']}Apple...", end=" ", flush=True)
            row["apple"] = compile_target(row["name"] + "Apple", args.runs, timeout=args.apple_timeout,
                                          once_over=APPLE_ONCE_S)
            print(cell_seconds(row["apple"], args.apple_timeout), flush=True)
        with open(os.path.join(WORK, "results.json"), "w") as handle:   # after each document: a run stopped early keeps what it measured
            json.dump(results, handle, indent=2)
    table = markdown(results)
    print(table)
    if args.readme:
        corpus.write_readme(table, marker="compile")
    return 0 if all(row.get("ours", {}).get("status") == "ok" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
