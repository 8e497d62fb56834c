#!/usr/bin/env python3
"""apigen's benchmarks, side by side with Apple's swift-openapi-generator, in one run.

  Benchmarks/run.sh               # everything (about 20-40 minutes on 2 cores, most of it builds)
  Benchmarks/run.sh --quick       # fewer runs, no 10,000-operation run of Apple's generator
  Benchmarks/run.sh --report      # rewrite results.md and the README from results.json, measuring nothing

Measures, with release builds of both tools:
  1. generation time for spec/quay.yaml (apigen: client + server; Apple: types + client + server),
     median of several runs, and the ratio; apigen's docs separately; apigen's stages in process;
  2. the size of the generated Swift (lines, bytes);
  3. a clean debug build of the generated client module alone, dependencies prebuilt
     (apigen's Client; Apple's Types + Client), median of three, and the ratio;
  4. scale: synthetic specs of 100, 1,000 and 10,000 operations, generation time and peak memory;
  5. the build plugin's overhead on a no-op `swift build` of Examples/Greeter;
  6. quay-mock under load from wrk: requests per second, p99 latency, errors.

Writes Benchmarks/results.json and Benchmarks/results.md, and the README's benchmark section.
"""
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, "Benchmarks", ".work")
QUICK = "--quick" in sys.argv
RUNS = 3 if QUICK else 7


def sh(command, cwd=ROOT, env=None, check=True, capture=True):
    result = subprocess.run(command, cwd=cwd, env=env, shell=isinstance(command, str), text=True,
                            stdout=subprocess.PIPE if capture else None, stderr=subprocess.STDOUT if capture else None)
    if check and result.returncode != 0:
        raise SystemExit(f"failed: {command}\n{(result.stdout or '')[-4000:]}")
    return result.stdout or ""


def timed(command, cwd=ROOT, before=None, runs=RUNS):
    """Median wall time of a command, in seconds; `before` runs before each run, untimed."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        sh(command, cwd=cwd)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(command, cwd=ROOT):
    """Peak resident memory of a command, in MiB (GNU time)."""
    out = sh(["/usr/bin/time", "-v"] + command, cwd=cwd)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)
    return int(match.group(1)) / 1024 if match else float("nan")


def swift_lines(directory):
    lines = size = files = 0
    for base, _, names in os.walk(directory):
        for name in names:
            if name.endswith(".swift"):
                path = os.path.join(base, name)
                with open(path, "rb") as handle:
                    data = handle.read()
                lines += data.count(b"\n")
                size += len(data)
                files += 1
    return {"files": files, "lines": lines, "bytes": size}


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path, exist_ok=True)


def build_tools():
    print("building apigen and quay-mock (release)...", flush=True)
    sh("swift build -c release --product apigen")
    sh("swift build -c release --product quay-mock")
    print("building Apple's swift-openapi-generator 1.14.3 (release)...", flush=True)
    sh(f"swift build -c release --package-path Benchmarks/apple --scratch-path {WORK}/apple-build --product swift-openapi-generator")
    apigen = os.path.join(sh("swift build -c release --show-bin-path").strip(), "apigen")
    apple = os.path.join(sh(f"swift build -c release --package-path Benchmarks/apple --scratch-path {WORK}/apple-build --show-bin-path").strip(),
                         "swift-openapi-generator")
    return apigen, apple


def generation(apigen, apple, spec, label, apple_runs=RUNS):
    ours_out = os.path.join(WORK, label, "apigen")
    apple_out = os.path.join(WORK, label, "apple")
    config = os.path.join(ROOT, "Benchmarks", "apple", "openapi-generator-config.yaml")
    ours = timed([apigen, "generate", "--spec", spec, "--output", ours_out, "--client", "--server"], before=lambda: fresh(ours_out))
    theirs = timed([apple, "generate", spec, "--config", config, "--output-directory", apple_out], before=lambda: fresh(apple_out),
                   runs=apple_runs)
    return {"apigen_s": ours, "apple_s": theirs, "ratio": theirs / ours,
            "apigen_size": swift_lines(ours_out), "apple_size": swift_lines(apple_out)}


def compile_times(apigen, apple):
    """A clean debug build of each generated client module alone, its dependencies prebuilt."""
    package = os.path.join(WORK, "compile")
    fresh(package)
    spec = os.path.join(ROOT, "spec", "quay.yaml")
    sh([apigen, "generate", "--spec", spec, "--output", os.path.join(package, "ours"), "--client", "--name", "Quay"])
    shutil.move(os.path.join(package, "ours", "Client"), os.path.join(package, "Sources", "OursClient"))
    os.makedirs(os.path.join(package, "Sources", "AppleClient"))
    sh([apple, "generate", spec, "--config", os.path.join(ROOT, "Benchmarks", "apple", "openapi-generator-config-client.yaml"),
        "--output-directory", os.path.join(package, "Sources", "AppleClient")])
    with open(os.path.join(package, "Package.swift"), "w") as handle:
        handle.write(f"""// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "CompileBench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "apigen", path: "{ROOT}"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    ],
    targets: [
        .target(name: "OursClient", dependencies: [.product(name: "APIRuntime", package: "apigen")]),
        .target(name: "AppleClient", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]),
    ],
    swiftLanguageModes: [.v6]
)
""")
    scratch = os.path.join(WORK, "compile-build")
    print("  prebuilding dependencies...", flush=True)
    sh(f"swift build --package-path {package} --scratch-path {scratch} --target APIRuntime")
    sh(f"swift build --package-path {package} --scratch-path {scratch} --target OpenAPIRuntime")
    results = {}
    for target in ["OursClient", "AppleClient"]:
        sources = os.path.join(package, "Sources", target)

        def touch_all(sources=sources):
            # Every source changed: the compiler rebuilds the whole module, as from clean, while
            # SwiftPM keeps its build plan (deleting the module's folder breaks that plan).
            stamp = time.time()
            for base, _, names in os.walk(sources):
                for name in names:
                    os.utime(os.path.join(base, name), (stamp, stamp))

        command = f"swift build --package-path {package} --scratch-path {scratch} --target {target}"
        first = sh(command)
        results[target + "_warnings"] = len(re.findall(r"^\S+\.swift:\d+:\d+: warning:", first, re.M))
        overhead = timed(command, runs=5)
        total = timed(command, before=touch_all, runs=3)
        # SwiftPM's own work on a no-op build (loading the graph, planning) is the same for both
        # modules; what is left is the compiler's.
        results[target] = total - overhead
        results[target + "_build_s"] = total
        results[target + "_noop_s"] = overhead
        print(f"  {target}: {total:.1f} s build, {overhead:.1f} s of it SwiftPM's no-op overhead", flush=True)
    results["ratio"] = results["AppleClient"] / results["OursClient"]
    results["apigen_lines"] = swift_lines(os.path.join(package, "Sources", "OursClient"))
    results["apple_lines"] = swift_lines(os.path.join(package, "Sources", "AppleClient"))
    return results


def scale(apigen, apple):
    results = []
    sizes = [100, 1000, 10000]
    for operations in sizes:
        spec = os.path.join(WORK, f"synthetic-{operations}.yaml")
        with open(spec, "w") as handle:
            handle.write(sh([sys.executable, os.path.join(ROOT, "Benchmarks", "synthetic_spec.py"), str(operations)]))
        out = os.path.join(WORK, f"synthetic-{operations}-out")
        row = {"operations": operations, "spec_bytes": os.path.getsize(spec)}
        row["apigen_s"] = timed([apigen, "generate", "--spec", spec, "--output", out, "--client", "--server"], before=lambda: fresh(out),
                                runs=5 if operations >= 10000 else RUNS)
        fresh(out)
        row["apigen_peak_mib"] = peak_memory([apigen, "generate", "--spec", spec, "--output", out, "--client", "--server"])
        stages = json.loads(sh([apigen, "benchmark", spec, "--runs", "3" if operations >= 10000 else "7"]).strip().splitlines()[-1])
        row["apigen_parse_and_lower_ms"] = stages["parse_and_lower_ms"]
        if operations <= 1000 or not QUICK:
            apple_out = os.path.join(WORK, f"synthetic-{operations}-apple")
            config = os.path.join(ROOT, "Benchmarks", "apple", "openapi-generator-config.yaml")
            row["apple_s"] = timed([apple, "generate", spec, "--config", config, "--output-directory", apple_out],
                                   before=lambda: fresh(apple_out), runs=1 if operations >= 10000 else 3)
            fresh(apple_out)
            row["apple_peak_mib"] = peak_memory([apple, "generate", spec, "--config", config, "--output-directory", apple_out])
        results.append(row)
        print(f"  {operations} operations: apigen {row['apigen_s']:.2f} s, {row['apigen_peak_mib']:.0f} MiB"
              + (f"; Apple {row['apple_s']:.2f} s, {row['apple_peak_mib']:.0f} MiB" if "apple_s" in row else ""), flush=True)
    return results


def plugin_overhead():
    """A no-op `swift build` of Examples/Greeter, with the plugin and with its output checked in."""
    with_plugin = os.path.join(WORK, "greeter-plugin")
    without = os.path.join(WORK, "greeter-static")
    scratch_a, scratch_b = os.path.join(WORK, "greeter-plugin-build"), os.path.join(WORK, "greeter-static-build")
    for path in [with_plugin, without]:
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(os.path.join(ROOT, "Examples", "Greeter"), path)
    for path in [with_plugin, without]:
        manifest = os.path.join(path, "Package.swift")
        text = open(manifest).read().replace('path: "../.."', f'path: "{ROOT}"')
        if path == without:
            text = text.replace('            plugins: [.plugin(name: "APIGenPlugin", package: "apigen")]\n', "")
            text = text.replace('dependencies: [.product(name: "APIRuntime", package: "apigen")],',
                                'dependencies: [.product(name: "APIRuntime", package: "apigen")]')
        open(manifest, "w").write(text)
    sh(f"swift build --package-path {with_plugin} --scratch-path {scratch_a}")
    generated = sh(f"find {scratch_a} -path '*plugins/outputs/*' -name '*.swift' -type f").split()
    target = os.path.join(without, "Sources", "GreeterAPI")
    for path in generated:
        shutil.copy(path, target)
    for name in os.listdir(target):
        if name.endswith((".yaml", ".yml")):
            os.remove(os.path.join(target, name))
    sh(f"swift build --package-path {without} --scratch-path {scratch_b}")
    runs = 5 if QUICK else 11
    a = timed(f"swift build --package-path {with_plugin} --scratch-path {scratch_a}", runs=runs)
    b = timed(f"swift build --package-path {without} --scratch-path {scratch_b}", runs=runs)
    return {"with_plugin_s": a, "without_s": b, "overhead_s": a - b}


def load():
    """quay-mock (release) under wrk: 2 threads, 32 connections, 10 seconds, on tag listing."""
    if not shutil.which("wrk"):
        sh("apt-get install -y -qq wrk || sudo apt-get install -y -qq wrk", check=False)
    if not shutil.which("wrk"):
        return {"skipped": "wrk is not installed"}
    binary = os.path.join(sh("swift build -c release --show-bin-path").strip(), "quay-mock")
    port = "18477"
    server = subprocess.Popen([binary, "--port", port, "--quiet", "--token", "bench=repo:read,repo:write,repo:create"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.5)
        base = f"http://127.0.0.1:{port}"
        auth = "Authorization: Bearer bench"
        sh(["curl", "-sf", "-X", "POST", "-H", auth, "-H", "Content-Type: application/json",
            "-d", '{"repository": "busybox", "visibility": "public", "description": "bench"}', base + "/api/v1/repository"])
        for index in range(30):
            sh(["curl", "-sf", "-X", "PUT", "-H", auth, "-H", "Content-Type: application/json",
                "-d", '{"manifest_digest": "sha256:' + ("%064x" % index) + '"}', f"{base}/api/v1/repository/quayadmin/busybox/tag/v{index}"])
        out = sh(["wrk", "-t2", "-c32", "-d10s", "--latency", "-H", auth, f"{base}/api/v1/repository/quayadmin/busybox/tag/?limit=10"])
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
        p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        socket = re.search(r"Socket errors: (.*)", out)
        return {"requests_per_s": rps, "p99_ms": p99_ms, "non_2xx": int(errors.group(1)) if errors else 0,
                "socket_errors": socket.group(1) if socket else "none", "raw": out}
    finally:
        server.terminate()
        server.wait()


def machine():
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    swift = sh("swift --version").splitlines()[0]
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, {swift}"


def targets(results):
    """The requirements issue 8 sets, each with what was measured and whether it is met."""
    q, c, p = results["quay"], results["compile"], results["plugin"]
    largest = max(results["scale"], key=lambda row: row["operations"])
    rows = [
        ("Generation at least 30× faster than swift-openapi-generator on spec/quay.yaml",
         f"{q['ratio']:.0f}×", q["ratio"] >= 30),
        ("The generated client compiles at least 3× faster", f"{c['ratio']:.1f}×", c["ratio"] >= 3),
        (f"{largest['operations']:,} operations generated (client + server) in under 2 s",
         f"{largest['apigen_s']:.2f} s", largest["operations"] >= 10000 and largest["apigen_s"] < 2),
        ("A no-op build with the plugin adds under 0.5 s", f"{p['overhead_s']:.2f} s", p["overhead_s"] < 0.5),
    ]
    return ["| Target | Measured | |", "|---|---|---|"] + [
        f"| {name} | {value} | {'met' if met else '**missed**'} |" for name, value, met in rows]


def markdown(results):
    q, c, s, p, l = results["quay"], results["compile"], results["scale"], results["plugin"], results["load"]
    lines = [
        f"Measured on {results['machine']}, {results['date']}. Both tools are release builds; times are medians. "
        "Build times are `swift build --target` of the module after touching every source, minus a no-op "
        f"`swift build` of it (SwiftPM's planning: {c['OursClient_noop_s']:.1f} s and {c['AppleClient_noop_s']:.1f} s).",
        "",
    ] + targets(results) + [
        "",
        "| | apigen | swift-openapi-generator 1.14.3 | ratio |",
        "|---|---|---|---|",
        f"| Generate spec/quay.yaml (client + server; Apple: types + client + server) | {q['apigen_s'] * 1000:.0f} ms | {q['apple_s'] * 1000:.0f} ms | **{q['ratio']:.0f}× faster** |",
        f"| Debug build of the generated client module from scratch, dependencies prebuilt (Apple: Types + Client) | {c['OursClient']:.1f} s | {c['AppleClient']:.1f} s | **{c['ratio']:.1f}× faster** |",
        f"| Generated Swift for quay.yaml, client + server (lines / bytes) | {q['apigen_size']['lines']:,} / {q['apigen_size']['bytes']:,} | {q['apple_size']['lines']:,} / {q['apple_size']['bytes']:,} | {q['apple_size']['lines'] / q['apigen_size']['lines']:.1f}× fewer lines |",
        f"| Generated client module only (lines) | {c['apigen_lines']['lines']:,} | {c['apple_lines']['lines']:,} | {c['apple_lines']['lines'] / c['apigen_lines']['lines']:.1f}× fewer |",
        f"| Compiler warnings in the generated client module | {c['OursClient_warnings']} | {c['AppleClient_warnings']} | |",
        "",
        "| apigen on spec/quay.yaml, in process | time |",
        "|---|---|",
        f"| parse and lower | {q['stages']['parse_and_lower_ms']:.1f} ms |",
        f"| peak memory: `apigen lint` (parse and lower) / `apigen generate` (client + server) | {q['lint_peak_mib']:.0f} MiB / {q['apigen_peak_mib']:.0f} MiB |",
        f"| emit the client | {q['stages']['client_ms']:.1f} ms |",
        f"| emit the server stubs | {q['stages']['server_ms']:.1f} ms |",
        f"| emit the docs (Markdown + HTML) | {q['stages']['docs_ms']:.1f} ms |",
        f"| `apigen generate --docs` (whole process) | {q['docs_process_s'] * 1000:.0f} ms |",
        "",
        "| Synthetic spec | apigen generate | per operation | apigen peak memory | apigen parse + lower | Apple generate | Apple peak memory |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in s:
        apple_time = f"{row['apple_s']:.2f} s" if "apple_s" in row else "not run"
        apple_memory = f"{row['apple_peak_mib']:.0f} MiB" if "apple_peak_mib" in row else ""
        lines.append(f"| {row['operations']:,} operations ({row['spec_bytes'] / 1e6:.1f} MB) | {row['apigen_s']:.2f} s | "
                     f"{row['apigen_s'] / row['operations'] * 1e6:.0f} µs | "
                     f"{row['apigen_peak_mib']:.0f} MiB | {row['apigen_parse_and_lower_ms']:.0f} ms | {apple_time} | {apple_memory} |")
    lines += [
        "",
        f"Build plugin: a no-op `swift build` of Examples/Greeter takes {p['with_plugin_s']:.2f} s with the plugin and "
        f"{p['without_s']:.2f} s with its output checked in instead: **{p['overhead_s']:.2f} s of overhead**.",
        "",
    ]
    if "requests_per_s" in l:
        lines.append(f"quay-mock (release) under wrk, 2 threads and 32 connections for 10 s listing tags: "
                     f"**{l['requests_per_s']:,.0f} requests/s**, p99 {l['p99_ms']:.1f} ms, {l['non_2xx']} non-2xx, socket errors: {l['socket_errors']}.")
    else:
        lines.append(f"quay-mock load: {l.get('skipped')}.")
    return "\n".join(lines) + "\n"


def publish(results):
    """Writes results.md and the README's benchmark section from a results dictionary."""
    table = markdown(results)
    with open(os.path.join(ROOT, "Benchmarks", "results.md"), "w") as handle:
        handle.write("# Benchmark results\n\nMade by `Benchmarks/run.sh`.\n\n" + table)
    readme = os.path.join(ROOT, "README.md")
    text = open(readme).read()
    start, end = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"
    if start in text and end in text:
        text = text[:text.index(start) + len(start)] + "\n" + table + text[text.index(end):]
        open(readme, "w").write(text)
    print(table)


def main():
    if "--report" in sys.argv:
        with open(os.path.join(ROOT, "Benchmarks", "results.json")) as handle:
            publish(json.load(handle))
        return
    os.makedirs(WORK, exist_ok=True)
    apigen, apple = build_tools()
    quay = os.path.join(ROOT, "spec", "quay.yaml")
    results = {"machine": machine(), "date": time.strftime("%Y-%m-%d")}
    print("generation: spec/quay.yaml...", flush=True)
    results["quay"] = generation(apigen, apple, quay, "quay")
    results["quay"]["apigen_peak_mib"] = peak_memory([apigen, "generate", "--spec", quay, "--output", os.path.join(WORK, "quay-peak"),
                                                       "--client", "--server"])
    results["quay"]["lint_peak_mib"] = peak_memory([apigen, "lint", quay])
    results["quay"]["stages"] = json.loads(sh([apigen, "benchmark", quay, "--runs", "21"]).strip().splitlines()[-1])
    docs_out = os.path.join(WORK, "quay-docs")
    results["quay"]["docs_process_s"] = timed([apigen, "generate", "--spec", quay, "--output", docs_out, "--docs"],
                                              before=lambda: fresh(docs_out))
    print(f"  apigen {results['quay']['apigen_s'] * 1000:.0f} ms, Apple {results['quay']['apple_s'] * 1000:.0f} ms", flush=True)
    print("compile time of the generated client...", flush=True)
    results["compile"] = compile_times(apigen, apple)
    print("scale...", flush=True)
    results["scale"] = scale(apigen, apple)
    print("build plugin overhead...", flush=True)
    results["plugin"] = plugin_overhead()
    print(f"  {results['plugin']['overhead_s']:.2f} s", flush=True)
    print("quay-mock under load...", flush=True)
    results["load"] = load()
    with open(os.path.join(ROOT, "Benchmarks", "results.json"), "w") as handle:
        json.dump(results, handle, indent=2, default=str)
    publish(results)


if __name__ == "__main__":
    main()
