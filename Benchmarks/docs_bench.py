#!/usr/bin/env python3
"""The docs at scale: generating the reference for 10,000 operations, and using the page in a browser.

  python3 Benchmarks/docs_bench.py [--operations 10000] [--apigen PATH] [--readme]

Measures, with a release apigen (built here unless --apigen is given):
  1. in process (`apigen benchmark`, median of 5): emitting the HTML page, the Markdown files,
     and both, from the model of a synthetic spec (Benchmarks/synthetic_spec.py);
  2. `apigen generate --docs` as a whole process (median of 3), parsing included, and the page's size,
     part by part (navigation, overview, operations' docs and code panels, types, search index);
  3. in headless Chromium (Debian's chromium, as the browser test uses), three fresh loads, medians:
     loading the page, opening the search (which reads its index), the time from a keystroke to
     its results on screen over 30 queries, jumping to a deep link near the end of the page, and
     the frames while scrolling 400 px a frame through the middle of the page (sections are made
     interactive as they come into view).

Prints a Markdown table; --readme also writes it into README.md between the docs-benchmarks markers.
Not part of the tests (it builds a release apigen and makes a 10 MB spec).
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, "Benchmarks", ".work")
sys.path.insert(0, os.path.join(ROOT, "Tests", "Browser"))


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def sh(command):
    return subprocess.run(command, cwd=ROOT, check=True, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout


def main():
    operations = int(option("--operations", "10000"))
    apigen = option("--apigen", None)
    if apigen is None:
        print("building apigen (release)...", flush=True)
        sh(["swift", "build", "-c", "release", "-j", "1", "--product", "apigen"])
        apigen = os.path.join(sh(["swift", "build", "-c", "release", "--show-bin-path"]).strip(), "apigen")
    os.makedirs(WORK, exist_ok=True)
    spec = os.path.join(WORK, f"synthetic-{operations}.yaml")
    if not os.path.exists(spec):
        with open(spec, "w") as handle:
            handle.write(sh([sys.executable, os.path.join(ROOT, "Benchmarks", "synthetic_spec.py"), str(operations)]))

    print("in process...", flush=True)
    stages = json.loads(sh([apigen, "benchmark", spec, "--runs", "5"]).strip().splitlines()[-1])
    out = os.path.join(WORK, f"docs-{operations}")
    times = []
    for _ in range(3):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        sh([apigen, "generate", "--spec", spec, "--output", out, "--docs"])
        times.append(time.perf_counter() - start)
    page = os.path.join(out, "Docs", "index.html")
    parts = page_parts(page)
    results = {"operations": operations, "spec_mb": os.path.getsize(spec) / 1e6, "page_mb": os.path.getsize(page) / 1e6, "parts_mb": parts,
               "html_ms": stages["docs_html_ms"], "markdown_ms": stages["docs_markdown_ms"], "docs_ms": stages["docs_ms"],
               "parse_ms": stages["parse_and_lower_ms"], "process_s": statistics.median(times)}
    print("in a browser...", flush=True)
    results.update(browse(page))
    with open(os.path.join(WORK, "docs-results.json"), "w") as handle:
        json.dump(results, handle, indent=2)
    table = markdown(results)
    print(table)
    if "--readme" in sys.argv:
        readme = os.path.join(ROOT, "README.md")
        text = open(readme).read()
        start, end = "<!-- docs-benchmarks:start -->", "<!-- docs-benchmarks:end -->"
        text = text[:text.index(start) + len(start)] + "\n" + table + text[text.index(end):]
        open(readme, "w").write(text)


def page_parts(page):
    """The page's bytes by part, in MB, and its elements, found by its landmarks."""
    with open(page, "rb") as handle:
        html = handle.read()
    def at(marker, start=0):
        return html.index(marker.encode(), start)
    nav, main, types = at('<nav id="apigen-nav"'), at('<main'), at('id="models"')
    overview_end = at("</section>", main)
    index = at('<script type="application/json"')
    operations = html[overview_end:types]
    code = sum(len(m) for m in re.findall(rb'<div class="op-code">.*?</section>', operations, re.S))
    return {"navigation": (main - nav) / 1e6, "overview": (overview_end - main) / 1e6,
            "operations, docs": (len(operations) - code) / 1e6, "operations, code panels": code / 1e6,
            "types": (at("</main>") - types) / 1e6, "search index": (at("</script>", index) - index) / 1e6,
            "the rest (head, styles, scripts)": (len(html) - (at("</main>") - nav) - (at("</script>", index) - index)) / 1e6,
            "elements": len(re.findall(rb"<[a-z]", html))}


def browse(page):
    runs = [browse_once(page) for _ in range(3)]
    result = {key: statistics.median(run[key] for run in runs) for key in runs[0] if key != "latencies"}
    latencies = sorted(value for run in runs for value in run["latencies"])
    result.update({"search_median_ms": statistics.median(latencies), "search_max_ms": latencies[-1], "search_queries": len(latencies)})
    return result


def browse_once(page):
    from docs_browser_test import browser
    driver = browser(width=1400, height=900)
    try:
        driver.set_page_load_timeout(300)
        start = time.perf_counter()
        driver.get("file://" + page)
        loaded = time.perf_counter() - start
        timing = driver.execute_script("var t = performance.timing; return [t.domContentLoadedEventEnd - t.navigationStart, t.loadEventEnd - t.navigationStart]")
        driver.set_script_timeout(120)
        opened = driver.execute_async_script("""
            var done = arguments[arguments.length - 1], start = performance.now();
            document.getElementById('apigen-search-open').click();
            requestAnimationFrame(function () { setTimeout(function () { done(performance.now() - start); }, 0); });""")
        words = ["resource", "getResource9999", "priority", "status", "owner", "tag", "e", "kind42", "/resources17/{id}", "nothing-here"]
        latencies = driver.execute_async_script("""
            var done = arguments[arguments.length - 1], words = arguments[0], box = document.getElementById('apigen-q'), times = [];
            function next(i) {
              if (i >= words.length * 3) { done(times); return; }
              var start = performance.now();
              box.value = words[i % words.length]; box.dispatchEvent(new Event('input'));
              requestAnimationFrame(function () { setTimeout(function () { times.push(performance.now() - start); next(i + 1); }, 0); });
            }
            next(0);""", words)
        driver.execute_script("document.getElementById('apigen-search-close').click()")
        last = driver.execute_script("var s = document.querySelectorAll('section.op'); return s[s.length - 1].id")
        jump = driver.execute_async_script("""
            var done = arguments[arguments.length - 1], id = arguments[0], start = performance.now();
            location.hash = '#' + id;
            requestAnimationFrame(function () { setTimeout(function () {
              done([performance.now() - start, document.getElementById(id).getBoundingClientRect().top]); }, 0); });""", last)
        frames = driver.execute_async_script("""
            var done = arguments[arguments.length - 1], times = [], last = 0, count = 0;
            window.scrollTo(0, document.documentElement.scrollHeight / 3);
            function step(now) {
              if (last) { times.push(now - last); }
              last = now;
              window.scrollBy(0, 400);
              if (++count <= 120) { requestAnimationFrame(step); } else { done(times); }
            }
            requestAnimationFrame(step);""")
        frames.sort()
        return {"load_s": loaded, "dom_content_loaded_ms": timing[0], "load_event_ms": timing[1], "search_open_ms": opened,
                "latencies": latencies, "jump_ms": jump[0], "jump_top": jump[1],
                "scroll_frame_median_ms": statistics.median(frames), "scroll_frame_p90_ms": frames[int(len(frames) * 0.9)]}
    finally:
        driver.quit()


def markdown(r):
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    met = lambda ok: "met" if ok else "**missed**"
    return "\n".join([
        f"Measured by `python3 Benchmarks/docs_bench.py` on {os.cpu_count()} cores ({cpu}), {time.strftime('%Y-%m-%d')}: a synthetic spec of "
        f"{r['operations']:,} operations ({r['spec_mb']:.1f} MB), release apigen, medians; the page in headless Chromium.",
        "",
        "| | measured | target | |",
        "|---|---|---|---|",
        f"| Emit the HTML page, in process | {r['html_ms']:.0f} ms | under 1 s | {met(r['html_ms'] < 1000)} |",
        f"| Emit the Markdown files (a file per tag, models, llms.txt, compact.md), in process | {r['markdown_ms']:.0f} ms | | |",
        f"| Emit both | {r['docs_ms']:.0f} ms | | |",
        f"| `apigen generate --docs`, whole process (parsing and lowering the spec: {r['parse_ms']:.0f} ms) | {r['process_s']:.2f} s | | |",
        f"| The page's size | {r['page_mb']:.0f} MB ({r['parts_mb']['elements']:,} elements) | | |",
        f"| Chromium: the page loaded (DOMContentLoaded / load) | {r['dom_content_loaded_ms'] / 1000:.1f} s / {r['load_event_ms'] / 1000:.1f} s | | |",
        f"| Chromium: opening the search, reading its index | {r['search_open_ms']:.0f} ms | | |",
        f"| Chromium: a keystroke to its results on screen, {r['search_queries']} queries | median {r['search_median_ms']:.0f} ms, slowest {r['search_max_ms']:.0f} ms | under 100 ms | {met(r['search_max_ms'] < 100)} |",
        f"| Chromium: a deep link to the last operation, to on screen | {r['jump_ms']:.0f} ms | | |",
        f"| Chromium: frames while scrolling 400 px a frame, 120 frames | median {r['scroll_frame_median_ms']:.0f} ms, 90th percentile {r['scroll_frame_p90_ms']:.0f} ms | | |",
        "",
        "The page by part: " + ", ".join(f"{name} {size:.1f} MB" for name, size in r["parts_mb"].items() if name != "elements") + ".",
        "",
    ])


if __name__ == "__main__":
    main()
