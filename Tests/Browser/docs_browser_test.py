#!/usr/bin/env python3
"""Drives headless Chromium over the generated HTML docs (Generated/Docs/index.html).

Asserts: no console errors; an anchor (an element with the operationId as id) for every
operation; typing in the filter narrows the list, and clearing it restores it; copy buttons
exist on examples; the page works without JavaScript (all operations present, filter hidden).

  python3 Tests/Browser/docs_browser_test.py [path/to/index.html] [path/to/quay-endpoints.json]
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

# Debian's chromium and chromium-driver; no download, no telemetry.
os.environ.setdefault("SE_AVOID_STATS", "true")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PAGE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Generated", "Docs", "index.html"))
ENDPOINTS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "Tests", "APIGenTests", "QuaySpec", "quay-endpoints.json")


def browser(javascript=True, width=1280, height=900):
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument(f"--window-size={width},{height}")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = "/usr/bin/chromium"
    if os.path.exists(binary):
        options.binary_location = binary
    driver = "/usr/bin/chromedriver"
    service = Service(executable_path=driver) if os.path.exists(driver) else Service()
    return webdriver.Chrome(options=options, service=service)


def main():
    failures = []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        if not condition:
            failures.append(message)

    with open(ENDPOINTS) as handle:
        expected = {entry["operationId"] for entry in json.load(handle)}
    # The spec renames the one section whose title is not an operationId.
    expected.discard("Auth Federated Robot Token")
    expected.add("getFederatedRobotToken")

    driver = browser()
    try:
        driver.get("file://" + PAGE)
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not errors, f"no console errors ({errors[:3]})")
        ids = set(driver.execute_script("return Array.from(document.querySelectorAll('[id]')).map(e => e.id)"))
        missing = sorted(expected - ids)
        check(not missing, f"an anchor for every one of the {len(expected)} operations (missing: {missing[:5]})")
        articles = driver.find_elements(By.CSS_SELECTOR, "article.operation")
        check(len(articles) == 190, f"190 operation articles ({len(articles)})")
        badges = driver.find_elements(By.CSS_SELECTOR, "article.operation .route .method")
        check(len(badges) == 190, f"a method badge on every operation ({len(badges)})")
        copies = driver.find_elements(By.CSS_SELECTOR, "pre .copy")
        check(len(copies) >= 380, f"copy buttons on the examples ({len(copies)})")

        search = driver.find_element(By.ID, "filter")
        check(search.is_displayed(), "the filter box shows when JavaScript runs")
        search.send_keys("listRepoTags")
        visible = driver.execute_script("return document.querySelectorAll('article.operation:not([hidden])').length")
        side = driver.execute_script("return document.querySelectorAll('.sidebar li:not([hidden])').length")
        check(visible == 1 and side == 1, f"typing 'listRepoTags' narrows to one operation (articles {visible}, sidebar {side})")
        count = driver.find_element(By.ID, "count").text
        check(count == "1 of 190 operations", f"the count says so ({count!r})")
        search.clear()
        search.send_keys("repo:admin")
        narrowed = driver.execute_script("return document.querySelectorAll('article.operation:not([hidden])').length")
        check(0 < narrowed < 190, f"'repo:admin' narrows the list ({narrowed})")
        driver.execute_script("var f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'));")
        restored = driver.execute_script("return document.querySelectorAll('article.operation:not([hidden])').length")
        check(restored == 190, f"clearing the filter restores every operation ({restored})")

        driver.get("file://" + PAGE + "#listRepoTags")
        top = driver.execute_script("return document.getElementById('listRepoTags').getBoundingClientRect().top")
        check(0 <= top < 200, f"#listRepoTags scrolls its heading into view (top {top})")
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not errors, f"still no console errors ({errors[:3]})")
    finally:
        driver.quit()

    plain = browser(javascript=False)
    try:
        plain.get("file://" + PAGE)
        articles = plain.find_elements(By.CSS_SELECTOR, "article.operation")
        check(len(articles) == 190, f"without JavaScript all 190 operations are there ({len(articles)})")
        hidden = not plain.find_element(By.ID, "filter").is_displayed()
        check(hidden, "without JavaScript the filter box, which could not work, is hidden")
        check(not plain.find_elements(By.CSS_SELECTOR, "pre .copy"), "without JavaScript there are no dead copy buttons")
    finally:
        plain.quit()

    if failures:
        print(f"{len(failures)} browser check(s) failed")
        sys.exit(1)
    print("all browser checks passed")


if __name__ == "__main__":
    main()
