#!/usr/bin/env python3
"""Kills `apigen generate` (SIGKILL) at random moments while it writes its output, and checks
that every file it leaves is whole: the old version of that file or the new one, never half of
one, and never anything else. After each kill the same generation runs to the end, and the
output must then be exactly the new version, with no temporary file left behind.

The two outputs are the events-31 fixture and spec/quay.yaml, both named Relay, generated in
turn into one folder: 24 files against 87, some paths in both, so a kill can leave files of
either, and files of the old output not yet removed. Half the kills fall at a uniformly random
moment of the run; the other half just after the run starts writing (the first new or changed
file seen), so that many land between two files.

  python3 Tests/Reliability/kill_generate.py --apigen .build/debug/apigen [--runs 50] [--seed 1]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPECS = {
    "events-31": os.path.join(ROOT, "Tests/APIGenTests/Fixtures/events-31/openapi.json"),
    "quay": os.path.join(ROOT, "spec/quay.yaml"),
}


def is_temporary(name):
    """`Client.swift.apigen-4242-tmp`: a file written but not yet renamed over its target."""
    head, _, tail = name.rpartition(".apigen-")
    return bool(head) and tail.endswith("-tmp") and tail[:-4].isdigit()


def files_under(folder):
    """(relative path, path, name) of every file under `folder`."""
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            yield os.path.relpath(path, folder), path, name


def snapshot(folder):
    """Every file under `folder`, by relative path: its bytes (temporary files by name only)."""
    files, temporaries = {}, []
    for relative, path, name in files_under(folder):
        if is_temporary(name):
            temporaries.append(relative)
            continue
        with open(path, "rb") as handle:
            files[relative] = handle.read()
    return files, temporaries


def stamp(path):
    """A file's modification time and size: what changes when it is written."""
    stat = os.stat(path)
    return stat.st_mtime_ns, stat.st_size


def stats(folder):
    """Every file under `folder`, by relative path: its stamp."""
    return {relative: stamp(path) for relative, path, _ in files_under(folder)}


def generate(apigen, spec, output):
    return [apigen, "generate", "--spec", SPECS[spec], "--output", output, "--name", "Relay"]


def run_whole(apigen, spec, output):
    start = time.monotonic()
    done = subprocess.run(generate(apigen, spec, output), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"apigen generate {spec} failed ({done.returncode}):\n{done.stderr}")
    return time.monotonic() - start


def wait_for_writing(output, before, process):
    """Returns once a file under `output` differs from `before` (or the run ends)."""
    while process.poll() is None:
        for relative, path, name in files_under(output):
            if is_temporary(name):
                return
            try:
                if stamp(path) != before.get(relative):
                    return
            except FileNotFoundError:
                return  # an old file removed
        time.sleep(0.0002)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--apigen", required=True, help="the apigen executable")
    parser.add_argument("--runs", type=int, default=50, help="kills (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="for the kill moments (default 1)")
    options = parser.parse_args()
    apigen = os.path.abspath(options.apigen)
    random.seed(options.seed)
    work = tempfile.mkdtemp(prefix="apigen-kill-")
    try:
        references, durations = {}, {}
        for spec in SPECS:
            folder = os.path.join(work, "reference-" + spec)
            durations[spec] = run_whole(apigen, spec, folder)
            references[spec], _ = snapshot(folder)
        output = os.path.join(work, "output")
        run_whole(apigen, "events-31", output)
        current = "events-31"
        outcomes = {"untouched": 0, "mixed": 0, "complete": 0}
        with_temporaries = 0
        failures = []
        start = time.monotonic()
        for run in range(options.runs):
            target = "quay" if current == "events-31" else "events-31"
            before = stats(output)
            process = subprocess.Popen(generate(apigen, target, output), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if run % 2 == 0:
                time.sleep(random.uniform(0, durations[target]))
            else:
                wait_for_writing(output, before, process)
                time.sleep(random.uniform(0, 0.005))
            process.kill()
            process.wait()
            files, temporaries = snapshot(output)
            with_temporaries += bool(temporaries)
            for relative, contents in sorted(files.items()):
                if contents not in (references[current].get(relative), references[target].get(relative)):
                    failures.append(f"run {run + 1} ({current} -> {target}): {relative} is neither version")
            if files == references[current]:
                outcomes["untouched"] += 1
            elif files == references[target]:
                outcomes["complete"] += 1
            else:
                outcomes["mixed"] += 1
            run_whole(apigen, target, output)
            files, temporaries = snapshot(output)
            if files != references[target] or temporaries:
                wrong = sorted(set(files) ^ set(references[target])) + temporaries
                failures.append(f"run {run + 1}: after a whole {target} run the output is not {target}'s: {wrong[:5]}")
            current = target
        took = time.monotonic() - start
        print(f"{options.runs} kills in {took:.1f} s: {outcomes['untouched']} before any file changed, "
              f"{outcomes['mixed']} between files (old and new side by side), {outcomes['complete']} after the last; "
              f"{with_temporaries} left a temporary file, which the next run removed")
        for failure in failures:
            print("FAIL " + failure)
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
