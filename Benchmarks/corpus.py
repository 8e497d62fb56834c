#!/usr/bin/env python3
"""apigen against the public OpenAPI corpus in ../shared/corpus: generate, measure, compile.

  Benchmarks/corpus.sh                      # all 15 documents, generated and compiled (the big ones take many minutes each)
  Benchmarks/corpus.sh --no-compile         # all 15, generation only (a minute or two)
  Benchmarks/corpus.sh --ci                 # the 8 quick documents, generated and compiled (about 6 minutes on 2 cores)
  Benchmarks/corpus.sh --only hf-tgi,resend # just these
  Benchmarks/corpus.sh --only stripe,box,resend --round-trip   # and the client against the server, every operation

For each document, with a release build of apigen (`swift build -c release --product apigen`, run once
and copied to Benchmarks/.work/corpus/apigen, so a rebuild during the run changes nothing; --apigen
names another binary, whose generation times are then not comparable):
  1. `apigen generate --spec DOC --output WORK/NAME` (Client, Server, Docs): the median wall time of
     --runs runs, each into a clean folder; the exit status; the `warning:` and `error:` diagnostics
     it printed, counted by severity and by id (the `[id]` of `path:line:col: warning: message [id]`);
     apigen's peak memory (one run under GNU time). Operations are counted in `apigen dump-model DOC`
     (its `operations`, plus `webhooks`).
  2. the generated Swift: files and lines, Client and Server apart;
  3. unless --no-compile, a debug build of each generated module on its own, in Swift 6 language mode,
     against apigen's APIRuntime: one scratch package (Benchmarks/.work/corpus/build) with a
     `<Name>Client` and a `<Name>Server` target per document (Name from the file name, e.g.
     Stripe20220412Client), depending on the repository by path. APIRuntime and its dependencies
     are built first and again before each target (untimed: it is built from the repository's
     sources, which may be changing; when it does not build after 3 tries 30 s apart, the modules
     left are recorded as `APIRuntime FAIL`). Each target is then built after touching all its
     sources, so its whole module is compiled and nothing else is; the time includes SwiftPM's
     planning (a no-op build's time is recorded as `swiftpm_noop_s`). Records ok / FAIL / timeout,
     the time, peak memory (the largest process, GNU time), the compiler's warnings and errors that
     point into the generated files (the kinds of errors, and the first 20 error lines, are in the
     JSON). A build that runs past --timeout is stopped, every process of it, and recorded as a timeout.

  4. with --round-trip, for each document whose client and server compiled: `apigen round-trip DOC`
     writes an executable (`<Name>RoundTrip`) that serves the generated server stubs on loopback, calls
     every operation with the generated client (values from the spec's examples where they decode, else
     samples) and delivers every webhook and callback to the client's receiver, checking that each side
     decoded what the other sent. Its build is timed like the modules' (Hummingbird and the other
     dependencies prebuilt, untimed); it runs once, under --timeout, and its outcomes are recorded:
     exchanges that agree, differ, failed, and the first disagreements.

A document that fails to generate or to compile does not stop the run. Prints a Markdown table (per
document: operations, whether it generated and apigen's exit status, apigen's warnings and errors,
generation time and peak memory, client / server lines, then for client and server: compile result,
time, warnings in generated code; the peak compile memory), totals, and the diagnostics by id and
the compile failures in short. Writes Benchmarks/.work/corpus/results.json and results.md (Benchmarks/.work is
git-ignored). Generated code goes to Benchmarks/.work/corpus/build/generated/NAME.

Exit status: 0 when every selected document generates (exit 0) and, when compiling, every module
compiles with no warning in generated code and every round trip agrees; 1 otherwise; 2 when apigen itself cannot be built;
64 for wrong usage. When the corpus folder is absent it says so and exits 0.
"""
import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, "Benchmarks", ".work", "corpus")
PACKAGE = os.path.join(WORK, "build")               # the scratch package that compiles the generated modules
GENERATED = os.path.join(PACKAGE, "generated")      # WORK/NAME: inside the package, as SwiftPM wants target paths
SCRATCH = os.path.join(WORK, ".build")
DEFAULT_CORPUS = "../shared/corpus"

# Short name -> the document's path inside the corpus, in the order of the corpus's SOURCES.md.
DOCUMENTS = {
    "digitalocean": "digitalocean/DigitalOcean-public.v2.yaml",
    "stripe": "stripe-2022-04-12.json",
    "box": "box.json",
    "openai": "openai-2026-08-21.yaml",
    "x-api": "x-api-v2.json",
    "launchdarkly": "launchdarkly.yaml",
    "vercel": "vercel.json",
    "resend": "resend.yaml",
    "hf-tgi": "hf-tgi.json",
    "vonage": "vonage-number-insight.yaml",
    "paypal-orders": "paypal-checkout-orders-v2.json",
    "paypal-disputes": "paypal-customer-disputes-v1.json",
    "intercom": "intercom-2.15.yaml",
    "svix": "svix.json",
    "mux": "mux-video-2019.yaml",
}
# The documents whose client and server compile in under a minute each on 2 cores: the seven under
# 600 KB and Box (the rest take minutes each). Resend has webhooks, Vonage callbacks, Box multipart,
# '#' paths and shared routes.
CI_DOCUMENTS = ["box", "hf-tgi", "vonage", "paypal-orders", "paypal-disputes", "resend", "svix", "mux"]

# `path:line:col: severity: message [id] at #/pointer`; the source line and caret after it are indented.
APIGEN_DIAGNOSTIC = re.compile(r"^(?P<file>\S.*?):(?P<line>\d+):(?P<column>\d+): (?P<severity>warning|error): "
                               r"(?P<message>.*?)(?: \[(?P<id>[^\]\s]+)\])?(?: at (?P<pointer>#.*))?$")


def run(command, cwd=ROOT, timeout=None, memory=False):
    """Runs a command; returns its exit status, output (stdout and stderr), wall time and, with
    `memory`, its peak resident memory in MiB (GNU time). A run past `timeout` seconds is stopped,
    with every process it started, and has `timed_out` set."""
    stats = None
    if memory:
        handle, stats = tempfile.mkstemp(prefix="corpus-time-", suffix=".txt")
        os.close(handle)
        command = ["/usr/bin/time", "-v", "-o", stats] + command
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    timed_out = False
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        stop_session(process.pid)
        output, _ = process.communicate()
    seconds = time.perf_counter() - start
    result = {"returncode": process.returncode, "output": output or "", "seconds": seconds, "timed_out": timed_out}
    if stats:
        with open(stats) as handle:
            text = handle.read()
        os.remove(stats)
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        result["peak_mib"] = int(match.group(1)) / 1024 if match else None
        # GNU time reports a command that died of a signal as its own exit status; keep the command's.
        match = re.search(r"Exit status: (\d+)", text)
        if match and not timed_out and process.returncode != 0:
            result["returncode"] = int(match.group(1))
    return result


def stop_session(session):
    """Kills every process of the session a command was started in (its own, by start_new_session):
    SwiftPM starts the compilers in process groups of their own, but in the same session."""
    for _ in range(3):
        pids = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as handle:
                        fields = handle.read().rsplit(")", 1)[1].split()
                except (OSError, IndexError):
                    continue
                if int(fields[3]) == session:    # state, ppid, pgrp, session
                    pids.append(int(entry))
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.2)


def swift_lines(directory):
    lines = size = files = 0
    for base, _, names in os.walk(directory):
        for name in names:
            if name.endswith(".swift"):
                with open(os.path.join(base, name), "rb") as handle:
                    data = handle.read()
                lines += data.count(b"\n")
                size += len(data)
                files += 1
    return {"files": files, "lines": lines, "bytes": size}


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path, exist_ok=True)


def touch_all(directory):
    """Marks every source changed, so the next build compiles the whole module, as from clean,
    while SwiftPM keeps its build plan (deleting the module's build folder breaks that plan)."""
    stamp = time.time()
    for base, _, names in os.walk(directory):
        for name in names:
            os.utime(os.path.join(base, name), (stamp, stamp))


def swift_name(document):
    """The Swift-safe module stem of a document: `stripe-2022-04-12.json` -> `Stripe20220412`."""
    stem = os.path.basename(document)
    for suffix in (".json", ".yaml", ".yml"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    name = "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", stem) if part)
    return name if name[:1].isalpha() else "Doc" + name


def build_apigen():
    """A release build of apigen, copied aside so a rebuild in the repository during a long run
    does not swap the binary under it. Retries a few times: someone else may be building."""
    print("building apigen (release)...", flush=True)
    for attempt in range(3):
        result = run(["swift", "build", "-c", "release", "--product", "apigen"])
        if result["returncode"] == 0:
            break
        print(f"  swift build failed (attempt {attempt + 1} of 3); retrying in 30 s", flush=True)
        time.sleep(30)
    else:
        print(result["output"][-4000:], file=sys.stderr)
        raise SystemExit(2)
    binary = os.path.join(WORK, "apigen")
    shutil.copy2(os.path.join(ROOT, ".build", "release", "apigen"), binary)
    return binary


def parse_diagnostics(output):
    """apigen's diagnostics: counts by severity and by id, with the first line of each id; counts
    by kind (severity, id and message with its quoted names blanked); the first 20 errors."""
    counts = {"warning": 0, "error": 0}
    by_id, kinds = {}, {}
    errors = []
    for line in output.splitlines():
        match = APIGEN_DIAGNOSTIC.match(line)
        if not match:
            continue
        severity, ident = match.group("severity"), match.group("id") or "(no id)"
        counts[severity] += 1
        entry = by_id.setdefault(ident, {"warning": 0, "error": 0, "example": line})
        entry[severity] += 1
        kind = f"{severity} [{ident}] " + re.sub(r"'[^']*'", "'_'", match.group("message"))
        kinds[kind] = kinds.get(kind, 0) + 1
        if severity == "error" and len(errors) < 20:
            errors.append(line)
    return counts, dict(sorted(by_id.items())), dict(sorted(kinds.items(), key=lambda item: -item[1])), errors


def count_operations(apigen, spec, timeout):
    """Operations in the generated model (`apigen dump-model`): `operations` plus `webhooks`."""
    result = subprocess.run([apigen, "dump-model", spec], text=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            timeout=timeout)
    try:
        model = json.loads(result.stdout)
    except ValueError:
        return None, None
    return len(model.get("operations") or []), len(model.get("webhooks") or [])


def generate(apigen, short, spec, runs, timeout, round_trip=False):
    out = os.path.join(GENERATED, short)
    row = {"name": short, "document": DOCUMENTS[short]}
    row["spec_bytes"] = os.path.getsize(spec) if os.path.exists(spec) else None
    if not os.path.exists(spec):
        row.update(generated=False, exit_status=None, problem=f"{spec} is missing")
        return row
    command = [apigen, "generate", "--spec", spec, "--output", out]
    times, first = [], None
    for _ in range(runs):
        fresh(out)
        result = run(command, timeout=timeout)
        first = first or result
        times.append(result["seconds"])
        if result["timed_out"]:
            break
    row["generate_s"] = statistics.median(times)
    row["generate_runs_s"] = times
    row["exit_status"] = first["returncode"]
    row["timed_out"] = first["timed_out"]
    row["generated"] = first["returncode"] == 0 and not first["timed_out"]
    if first["timed_out"]:
        row["problem"] = f"apigen ran past {timeout:g} s"
    elif first["returncode"] < 0:
        row["problem"] = f"apigen died of signal {-first['returncode']}"
    counts, by_id, kinds, errors = parse_diagnostics(first["output"])
    row["apigen_warnings"], row["apigen_errors"] = counts["warning"], counts["error"]
    row["diagnostics_by_id"], row["diagnostic_kinds"], row["apigen_error_lines"] = by_id, kinds, errors
    row["apigen_output_tail"] = "\n".join(line for line in first["output"].splitlines()
                                          if not line.startswith("wrote "))[-3000:] if not row["generated"] else ""
    if not first["timed_out"]:
        fresh(out)
        row["generate_peak_mib"] = run(command, timeout=timeout, memory=True).get("peak_mib")
        try:
            row["operations"], row["webhooks"] = count_operations(apigen, spec, timeout)
        except subprocess.TimeoutExpired:
            row["operations"], row["webhooks"] = None, None
    row["client"] = swift_lines(os.path.join(out, "Client"))
    row["server"] = swift_lines(os.path.join(out, "Server"))
    if round_trip and row["generated"]:
        stem = swift_name(DOCUMENTS[short])
        result = run([apigen, "round-trip", spec, "--output", os.path.join(out, "RoundTrip"),
                      "--client-module", stem + "Client", "--server-module", stem + "Server"], timeout=timeout)
        row["round_trip_sources"] = result["returncode"] == 0
        if result["returncode"] != 0:
            row["round_trip"] = {"status": "not generated", "output_tail": result["output"][-3000:]}
    return row


# What a round-trip executable needs besides the generated modules: (product, package, URL, version).
ROUND_TRIP_PRODUCTS = [
    ("OpenAPIURLSession", "swift-openapi-urlsession", "https://github.com/apple/swift-openapi-urlsession", "1.4.0"),
    ("Hummingbird", "hummingbird", "https://github.com/hummingbird-project/hummingbird", "2.28.1"),
    ("OpenAPIHummingbird", "swift-openapi-hummingbird", "https://github.com/hummingbird-project/swift-openapi-hummingbird", "2.1.0"),
    ("Logging", "swift-log", "https://github.com/apple/swift-log.git", "1.5.0"),
]


def write_package(rows):
    """One scratch package for every document that generated: `<Name>Client`, `<Name>Server`, and
    `<Name>RoundTrip` for those with round-trip sources."""
    runtime_package = os.path.basename(ROOT)   # a path dependency's identity is its folder's name
    runtime = f'.product(name: "APIRuntime", package: "{runtime_package}")'
    targets = []
    dependencies = [f'.package(path: "{ROOT}")']
    for row in rows:
        for kind in ("Client", "Server"):
            if row.get(kind.lower(), {}).get("files"):
                target = swift_name(DOCUMENTS[row["name"]]) + kind
                row.setdefault("targets", {})[kind.lower()] = target
                targets.append(f'        .target(name: "{target}", dependencies: [{runtime}], path: "generated/{row["name"]}/{kind}"),')
        if row.get("round_trip_sources") and len(row.get("targets", {})) == 2:
            target = swift_name(DOCUMENTS[row["name"]]) + "RoundTrip"
            row["round_trip_target"] = target
            products = ", ".join(f'.product(name: "{product}", package: "{package}")' for product, package, _, _ in ROUND_TRIP_PRODUCTS)
            targets.append(f'        .executableTarget(name: "{target}", dependencies: ["{row["targets"]["client"]}", '
                           f'"{row["targets"]["server"]}", {runtime}, {products}], path: "generated/{row["name"]}/RoundTrip"),')
    if any(row.get("round_trip_target") for row in rows):
        dependencies += [f'.package(url: "{url}", from: "{version}")' for _, _, url, version in ROUND_TRIP_PRODUCTS]
    os.makedirs(PACKAGE, exist_ok=True)
    with open(os.path.join(PACKAGE, "Package.swift"), "w") as handle:
        handle.write(f"""// swift-tools-version: 6.1
// Written by Benchmarks/corpus.py: each generated module of the corpus, compiled on its own.
import PackageDescription
let package = Package(
    name: "CorpusBuild",
    platforms: [.macOS(.v14)],
    dependencies: [{", ".join(dependencies)}],
    targets: [
{chr(10).join(targets)}
    ],
    swiftLanguageModes: [.v6]
)
""")
    # The same dependency versions as the repository's own build.
    resolved = os.path.join(ROOT, "Package.resolved")
    if os.path.exists(resolved) and not os.path.exists(os.path.join(PACKAGE, "Package.resolved")):
        shutil.copy(resolved, os.path.join(PACKAGE, "Package.resolved"))
    return bool(targets)


def build_command(target, product=False):
    """Builds a target; an executable is built as a product, which links it."""
    return ["swift", "build", "--package-path", PACKAGE, "--scratch-path", SCRATCH, "--product" if product else "--target", target]


def error_kind(line):
    """A compiler error's message with its names blanked, to group errors of the same kind."""
    message = line.split(": error: ", 1)[-1]
    return re.sub(r"'[^']*'", "'_'", message)


def compile_target(target, sources, timeout, product=False):
    touch_all(sources)
    result = run(build_command(target, product), timeout=timeout, memory=True)
    prefixes = tuple({sources + os.sep, os.path.realpath(sources) + os.sep})
    ours = re.compile(r"^(?:" + "|".join(re.escape(prefix) for prefix in prefixes) + r").*?: (warning|error): ")
    warnings, errors, seen = [], [], set()
    for line in result["output"].splitlines():
        match = ours.match(line)
        if match and line not in seen:        # the driver may echo a diagnostic; count each once
            seen.add(line)
            (warnings if match.group(1) == "warning" else errors).append(line)
    ok = result["returncode"] == 0 and not result["timed_out"]
    status = "timeout" if result["timed_out"] else "ok" if ok else "FAIL"
    # Errors elsewhere (APIRuntime, the driver, the linker), located ones first.
    other_errors = [line for line in result["output"].splitlines() if "error:" in line and line not in seen]
    other_errors.sort(key=lambda line: not re.match(r"^\S+:\d+:\d+: error:", line))
    kinds = {}
    for line in errors:
        kinds[error_kind(line)] = kinds.get(error_kind(line), 0) + 1
    return {
        "target": target, "status": status, "exit_status": result["returncode"], "seconds": result["seconds"],
        "peak_mib": result.get("peak_mib"), "warnings": len(warnings), "errors": len(errors),
        "first_errors": (errors or other_errors)[:20], "first_warnings": warnings[:20],
        "error_kinds": dict(sorted(kinds.items(), key=lambda item: -item[1])[:15]),
        "output_tail": result["output"][-3000:] if not ok else "",
    }


def build_runtime(timeout, round_trip=False):
    """Builds APIRuntime and its dependencies in the scratch package, untimed, and with `round_trip`
    what the round-trip executables need. Tries three times, 30 s apart: APIRuntime is built from the
    repository's sources, which someone may be editing."""
    targets = ["APIRuntime"] + ([product for product, _, _, _ in ROUND_TRIP_PRODUCTS] if round_trip else [])
    for attempt in range(3):
        for target in targets:
            result = run(build_command(target), timeout=max(timeout, 3600))
            if result["returncode"] != 0:
                break
        if result["returncode"] == 0:
            return None
        print(f"APIRuntime did not build (attempt {attempt + 1} of 3)" + ("; retrying in 30 s" if attempt < 2 else ""),
              flush=True)
        if attempt < 2:
            time.sleep(30)
    return result["output"]


def compile_all(rows, timeout):
    if not write_package(rows):
        return {"skipped": "nothing generated"}
    print("compiling: dependencies (APIRuntime), untimed...", flush=True)
    failure = build_runtime(timeout)
    noop = None if failure else statistics.median(run(build_command("APIRuntime"))["seconds"] for _ in range(3))
    for row in rows:
        for kind, target in row.get("targets", {}).items():
            sources = os.path.join(GENERATED, row["name"], kind.capitalize())
            if not failure:
                # If APIRuntime's sources changed since (someone is editing them), rebuild it now,
                # untimed, so the timed build compiles the generated module alone.
                failure = build_runtime(timeout)
            if failure:
                errors = [line for line in failure.splitlines() if ": error: " in line]
                row[kind + "_compile"] = {"target": target, "status": "APIRuntime FAIL", "errors": 0, "warnings": 0,
                                          "seconds": None, "peak_mib": None, "first_errors": errors[:20],
                                          "output_tail": failure[-3000:]}
                continue
            print(f"  {target}...", end=" ", flush=True)
            result = compile_target(target, sources, timeout)
            row[kind + "_compile"] = result
            print(f"{result['status']}, {result['seconds']:.1f} s, {result['warnings']} warnings, {result['errors']} errors",
                  flush=True)
    if not failure and any(row.get("round_trip_target") for row in rows):
        print("compiling: round-trip dependencies (Hummingbird, ...), untimed...", flush=True)
        failure = build_runtime(timeout, round_trip=True)
        for row in rows:
            if row.get("round_trip_target") and not failure:
                round_trip(row, timeout)
    summary = {"dependencies": "FAIL" if failure else "ok", "swiftpm_noop_s": noop}
    if failure:
        summary["output_tail"] = failure[-3000:]
        print("APIRuntime does not build; the modules after it were not compiled:\n" + failure[-2000:], flush=True)
    return summary


def round_trip(row, timeout):
    """Builds a document's round-trip executable (timed) when its client and server compiled, runs
    it, and records its outcomes."""
    target = row["round_trip_target"]
    if any(row.get(kind + "_compile", {}).get("status") != "ok" for kind in ("client", "server")):
        row["round_trip"] = {"status": "not run", "reason": "the client or the server did not compile"}
        return
    print(f"  {target}...", end=" ", flush=True)
    built = compile_target(target, os.path.join(GENERATED, row["name"], "RoundTrip"), timeout, product=True)
    row["round_trip_compile"] = built
    if built["status"] != "ok":
        row["round_trip"] = {"status": "build " + built["status"]}
        print(f"build {built['status']}: {(built.get('first_errors') or [''])[0]}", flush=True)
        return
    outcomes_file = os.path.join(WORK, row["name"] + "-round-trip.json")
    if os.path.exists(outcomes_file):
        os.remove(outcomes_file)
    executable = os.path.join(SCRATCH, "debug", target)
    result = run([executable, "--json", outcomes_file], timeout=timeout)
    record = {"build_s": built["seconds"], "run_s": result["seconds"], "exit_status": result["returncode"],
              "summary": (result["output"].strip().splitlines() or [""])[-1]}
    if result["timed_out"] or not os.path.exists(outcomes_file):
        record["status"] = "timeout" if result["timed_out"] else "FAIL"
        record["output_tail"] = result["output"][-3000:]
    else:
        with open(outcomes_file) as handle:
            outcomes = json.load(handle)
        verdicts = [outcome["verdict"] for outcome in outcomes]
        record.update(status="ok", exchanges=len(outcomes), agree=verdicts.count("agree"), differ=verdicts.count("differ"),
                      failed=verdicts.count("failed"), answers_compared=sum(1 for outcome in outcomes if outcome["answerCompared"]),
                      from_examples=sum(outcome["fromExamples"] for outcome in outcomes),
                      from_samples=sum(outcome["fromSamples"] for outcome in outcomes),
                      disagreements=[f"{outcome['verdict']}: {outcome['name']}: {outcome.get('detail') or ''}"
                                     for outcome in outcomes if outcome["verdict"] != "agree"][:30])
    row["round_trip"] = record
    print(f"built in {built['seconds']:.1f} s; {record['summary']}", flush=True)


def round_trip_cell(row):
    record = row.get("round_trip")
    if not record:
        return ""
    if record.get("status") != "ok":
        return record.get("status", "")
    cell = f"{record['agree']}/{record['exchanges']} agree"
    problems = [f"{record[key]} {key}" for key in ("differ", "failed") if record[key]]
    return cell + (f" ({', '.join(problems)})" if problems else "")


def seconds(value):
    if value is None:
        return ""
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def mib(value):
    return "" if value is None else f"{value:.0f} MiB"


def compile_cells(row, kind, compiled):
    result = row.get(kind + "_compile")
    if not compiled:
        return ["not run", "", ""]
    if not result:
        return ["—", "", ""]
    status = result["status"] if result["status"] != "FAIL" or not result.get("errors") else f"FAIL ({result['errors']} errors)"
    return [status, seconds(result["seconds"]), str(result["warnings"])]


def totals(rows, compiled):
    n = len(rows)
    generated = sum(1 for row in rows if row.get("generated"))
    parts = [f"{generated}/{n} generate"]
    if compiled:
        for kind, label in (("client", "clients"), ("server", "servers")):
            ok = sum(1 for row in rows if row.get(kind + "_compile", {}).get("status") == "ok")
            parts.append(f"{ok}/{n} {label} compile")
        warnings = sum(row.get(kind + "_compile", {}).get("warnings", 0) for row in rows for kind in ("client", "server"))
        errors = sum(row.get(kind + "_compile", {}).get("errors", 0) for row in rows for kind in ("client", "server"))
        timeouts = sum(1 for row in rows for kind in ("client", "server") if row.get(kind + "_compile", {}).get("status") == "timeout")
        parts.append(f"{warnings} compiler warnings and {errors} errors in generated code")
        if timeouts:
            parts.append(f"{timeouts} compile timeouts")
    else:
        parts.append("compiling not run (--no-compile)")
    parts.append(f"apigen: {sum(row.get('apigen_warnings', 0) for row in rows)} warnings, "
                 f"{sum(row.get('apigen_errors', 0) for row in rows)} errors")
    trips = [row["round_trip"] for row in rows if row.get("round_trip")]
    if trips:
        agree = sum(1 for trip in trips if trip.get("status") == "ok" and not trip["differ"] and not trip["failed"])
        exchanges = sum(trip.get("exchanges", 0) for trip in trips)
        parts.append(f"{agree}/{len(trips)} round trips agree throughout "
                     f"({sum(trip.get('agree', 0) for trip in trips):,} of {exchanges:,} exchanges)")
    operations = sum(row.get("operations") or 0 for row in rows)
    webhooks = sum(row.get("webhooks") or 0 for row in rows)
    lines = sum(row.get(kind, {}).get("lines", 0) for row in rows for kind in ("client", "server"))
    parts.append(f"{operations:,} operations" + (f" (+{webhooks:,} webhooks)" if webhooks else "")
                 + f", {lines:,} lines of Swift generated")
    return ", ".join(parts)


def markdown(results):
    rows, compiled = results["documents"], results["compiled"]
    round_trips = any(row.get("round_trip") for row in rows)
    lines = [
        f"apigen {results['apigen_commit']} on {results['machine']}, {results['date']}. Generation: median of "
        f"{results['runs']} run{'s' if results['runs'] != 1 else ''}, each into a clean folder."
        + (" Compiles: a debug build of each module alone, Swift 6 mode, dependencies prebuilt, one run; the time "
           "includes SwiftPM's planning" if compiled else "")
        + (f" (a no-op build takes {results['compile']['swiftpm_noop_s']:.1f} s)"
           if compiled and results.get("compile", {}).get("swiftpm_noop_s") else "") + ("." if compiled else ""),
        "",
        "| Document | Operations | Generated | apigen warnings | apigen errors | Generation | apigen peak memory "
        "| Client / server lines | Client compile | Client time | Client warnings | Server compile | Server time "
        "| Server warnings | Peak compile memory |" + (" Round trip |" if round_trips else ""),
        "|---|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---:|---:|" + ("---|" if round_trips else ""),
    ]
    for row in rows:
        operations = row.get("operations")
        operations = "?" if operations is None else f"{operations:,}" + (f" (+{row['webhooks']} wh)" if row.get("webhooks") else "")
        exit_status = row.get("exit_status")
        generated = ("yes" if row.get("generated") else "timeout" if row.get("timed_out") else "no") + \
            (" (missing)" if row.get("spec_bytes") is None else "" if exit_status is None else f" ({exit_status})")
        size = f"{row['client']['lines']:,} / {row['server']['lines']:,}" if "client" in row else ""
        memories = [row.get(kind + "_compile", {}).get("peak_mib") for kind in ("client", "server")]
        memories = [value for value in memories if value is not None]
        cells = [row["name"], operations, generated, str(row.get("apigen_warnings", "")), str(row.get("apigen_errors", "")),
                 seconds(row.get("generate_s")), mib(row.get("generate_peak_mib")), size]
        cells += compile_cells(row, "client", compiled) + compile_cells(row, "server", compiled)
        cells.append(mib(max(memories)) if memories else "")
        if round_trips:
            cells.append(round_trip_cell(row))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "**Totals:** " + results["totals"] + ".", ""]
    # What went wrong, in short: apigen's diagnostics by id, and the kinds of compile errors.
    notes = []
    for row in rows:
        diagnostics = ", ".join(ident + _severity_counts(entry) for ident, entry in row.get("diagnostics_by_id", {}).items())
        if diagnostics:
            notes.append(f"- **{row['name']}** apigen: {diagnostics}")
        if row.get("problem"):
            notes.append(f"- **{row['name']}**: {row['problem']}")
        for kind in ("client", "server"):
            result = row.get(kind + "_compile")
            if result and result["status"] != "ok":
                kinds = "; ".join(f"{count}× {kind_}" for kind_, count in list(result.get("error_kinds", {}).items())[:5])
                notes.append(f"- **{result['target']}** {result['status']}: {result['errors']} errors in generated code"
                             + (f" ({kinds})" if kinds else f": {(result.get('first_errors') or [''])[0]}"))
            if result and result.get("warnings"):
                notes.append(f"- **{result['target']}**: {result['warnings']} warnings, e.g. `{result['first_warnings'][0]}`")
        record = row.get("round_trip")
        if record:
            if record.get("status") == "ok":
                notes.append(f"- **{row['name']}** round trip: {record['summary']} (built in {seconds(record['build_s'])}, "
                             f"ran in {seconds(record['run_s'])})")
                notes += [f"  - {line}" for line in record["disagreements"][:10]]
            else:
                notes.append(f"- **{row['name']}** round trip: {record.get('status')} {record.get('reason', '')}".rstrip())
    if notes:
        lines += ["Details (all of it in results.json):", ""] + notes + [""]
    return "\n".join(lines)


def write_readme(table, marker="corpus"):
    """Puts the table in the README, between its `<!-- MARKER:start -->` and `:end` markers."""
    path = os.path.join(ROOT, "README.md")
    with open(path) as handle:
        text = handle.read()
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    if start not in text or end not in text:
        print(f"README.md has no {marker} markers; left as it is", file=sys.stderr)
        return
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    with open(path, "w") as handle:
        handle.write(before + start + "\n" + table.rstrip() + "\n" + end + after)
    print("wrote the table into README.md")


def _severity_counts(entry):
    parts = [f"{entry[severity]} {severity}{'s' if entry[severity] != 1 else ''}" for severity in ("error", "warning") if entry[severity]]
    return " (" + ", ".join(parts) + ")"


def machine():
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    swift = subprocess.run(["swift", "--version"], text=True, capture_output=True).stdout.splitlines()[0]
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, {swift}"


def commit():
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True, capture_output=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources"], cwd=ROOT, text=True, capture_output=True).stdout
    return (head or "unknown") + (" with uncommitted changes in Sources/" if dirty.strip() else "")


def arguments():
    parser = argparse.ArgumentParser(
        prog="Benchmarks/corpus.sh", formatter_class=argparse.RawDescriptionHelpFormatter, description=__doc__,
        epilog="Documents (short names): " + ", ".join(f"{name} ({path})" for name, path in DOCUMENTS.items()) + ".")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--only", metavar="NAMES", help="comma-separated short names, e.g. hf-tgi,vonage,resend")
    which.add_argument("--ci", action="store_true",
                       help="only the quick documents, for CI in a few minutes: "
                            + ", ".join(CI_DOCUMENTS))
    parser.add_argument("--no-compile", action="store_true", help="generate and measure, but do not compile")
    parser.add_argument("--round-trip", action="store_true",
                        help="also build and run each document's round trip: every operation, client against server stubs")
    parser.add_argument("--corpus", metavar="DIR", help=f"the corpus folder (default: {DEFAULT_CORPUS}, next to the repository)")
    parser.add_argument("--timeout", metavar="SECONDS", type=float, default=1800,
                        help="per compile (and per apigen run): stop it and record a timeout after this long (default 1800)")
    parser.add_argument("--runs", metavar="N", type=int, default=3, help="generation runs per document, median taken (default 3)")
    parser.add_argument("--readme", action="store_true", help="also put the table in README.md, between its corpus markers")
    parser.add_argument("--apigen", metavar="PATH",
                        help="use this apigen binary (CI passes its debug build) instead of a release build made for the run")
    options = parser.parse_args()
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if options.round_trip and options.no_compile:
        parser.error("--round-trip needs compiling; drop --no-compile")
    names = CI_DOCUMENTS if options.ci else list(DOCUMENTS)
    if options.only:
        names = [name.strip() for name in options.only.split(",") if name.strip()]
        unknown = [name for name in names if name not in DOCUMENTS]
        if unknown or not names:
            parser.error(f"unknown document {', '.join(unknown) or '(none given)'}; the names are: {', '.join(DOCUMENTS)}")
    options.names = [name for name in DOCUMENTS if name in names]   # corpus order, no repeats
    return options


def main():
    try:
        options = arguments()
    except SystemExit as exit:
        raise SystemExit(64 if exit.code == 2 else exit.code)   # argparse's usage errors, as 64 like the CLI
    shown = options.corpus or DEFAULT_CORPUS
    corpus = os.path.abspath(options.corpus) if options.corpus else os.path.abspath(os.path.join(ROOT, DEFAULT_CORPUS))
    if not os.path.isdir(corpus):
        print(f"corpus check skipped: {shown} is absent")
        return 0
    os.makedirs(GENERATED, exist_ok=True)
    apigen = os.path.abspath(options.apigen) if options.apigen else build_apigen()
    results = {"machine": machine(), "date": time.strftime("%Y-%m-%d %H:%M"), "apigen_commit": commit(),
               "corpus": corpus, "runs": options.runs, "timeout_s": options.timeout, "compiled": not options.no_compile,
               "documents": []}
    for name in options.names:
        print(f"generating {name}...", end=" ", flush=True)
        row = generate(apigen, name, os.path.join(corpus, DOCUMENTS[name]), options.runs, options.timeout, options.round_trip)
        results["documents"].append(row)
        print(("ok" if row.get("generated") else row.get("problem") or f"FAILED (exit {row.get('exit_status')})")
              + f", {seconds(row.get('generate_s'))}, {row.get('apigen_warnings', 0)} warnings, {row.get('apigen_errors', 0)} errors",
              flush=True)
    if not options.no_compile:
        results["compile"] = compile_all([row for row in results["documents"] if row.get("generated")], options.timeout)
    results["totals"] = totals(results["documents"], not options.no_compile)
    failed = [row["name"] for row in results["documents"] if not row.get("generated")]
    if not options.no_compile:
        for row in results["documents"]:
            for kind in ("client", "server"):
                result = row.get(kind + "_compile")
                if row.get("generated") and (not result or result["status"] != "ok" or result["warnings"]):
                    failed.append(f"{row['name']} {kind}")
            record = row.get("round_trip")
            if options.round_trip and row.get("generated"):
                built = row.get("round_trip_compile") or {}
                if not record or record.get("status") != "ok" or record["differ"] or record["failed"] or built.get("warnings"):
                    failed.append(f"{row['name']} round trip")
    results["failed"] = failed
    table = markdown(results)
    with open(os.path.join(WORK, "results.json"), "w") as handle:
        json.dump(results, handle, indent=2)
    with open(os.path.join(WORK, "results.md"), "w") as handle:
        handle.write("# apigen on the public corpus\n\nMade by `Benchmarks/corpus.sh`"
                     + (" " + " ".join(sys.argv[1:]) if sys.argv[1:] else "") + ".\n\n" + table)
    if options.readme:
        write_readme(table)
    print()
    print(table)
    print(f"wrote {os.path.relpath(os.path.join(WORK, 'results.json'), ROOT)} and {os.path.relpath(os.path.join(WORK, 'results.md'), ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
