#!/usr/bin/env python3
"""Drives headless Chromium (Debian's chromium and chromium-driver) over a generated HTML docs page.

  python3 Tests/Browser/docs_browser_test.py [index.html] [--hostile] [--screenshots DIR]

Checks, on any page: no console errors; three panes at 1400 px (navigation, operation, a code
panel that stays in view); one column at 390 px with a menu; dark mode from
prefers-color-scheme and a toggle that is remembered; search by keyboard (/ and Ctrl-K, arrows,
Enter), grouped results, and how long it takes to answer; a nested schema unfolding in place;
copying a sample to the clipboard; deep links to an operation and to a type; the page without
JavaScript; and axe-core (from the selenium-axe-python package, no network) in light and dark,
with no serious or critical violation.

On Generated/Docs/index.html it also checks every one of Quay's 190 operations has its anchor.
With --hostile (the hostile-text golden page) it checks that no script written in the spec ever
runs: no alert, no element or attribute the spec's text tried to inject, search results as text.
Screenshots (light and dark, 1400 px and 390 px) go to DIR, .ci/screenshots by default.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

# Debian's chromium and chromium-driver; no download, no telemetry.
os.environ.setdefault("SE_AVOID_STATS", "true")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHOTS = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else os.path.join(ROOT, ".ci", "screenshots")
ARGS = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and sys.argv[i - 1] != "--screenshots"]
PAGE = os.path.abspath(ARGS[0] if ARGS else os.path.join(ROOT, "Generated", "Docs", "index.html"))
HOSTILE = "--hostile" in sys.argv
ENDPOINTS = os.path.join(ROOT, "Tests", "APIGenTests", "QuaySpec", "quay-endpoints.json")
IS_QUAY = os.path.samefile(PAGE, os.path.join(ROOT, "Generated", "Docs", "index.html")) if os.path.exists(PAGE) else False
URL = "file://" + PAGE

# Records alerts instead of showing them, before any of the page's scripts run.
ALERT_TRAP = "window.__alerts = []; window.alert = window.confirm = window.prompt = function (m) { window.__alerts.push(String(m)); };"


def browser(javascript=True, width=1400, height=900, dark=False):
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
    chrome = webdriver.Chrome(options=options, service=service)
    # Windows narrower than 500 px are not made in headless mode: emulate a phone's viewport.
    chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    chrome.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    if javascript:
        chrome.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERT_TRAP})
    return chrome


class Checks:
    def __init__(self):
        self.failures = []

    def __call__(self, condition, message):
        print(("ok   " if condition else "FAIL ") + message, flush=True)
        if not condition:
            self.failures.append(message)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def rect(driver, selector):
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]); if (!e) return null; var r = e.getBoundingClientRect();"
        "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,"
        " visible: getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none' && r.width > 0};", selector)


def index(driver):
    return driver.execute_script("return JSON.parse(document.getElementById('apigen-index').textContent)")


def axe(driver, check, label, rules=None):
    """axe-core as bundled by selenium-axe-python (pinned in .ci/requirements.txt). Sections off
    screen skip rendering (content-visibility: auto) and would give axe no real layout for
    measuring contrast, so they are rendered for the run."""
    import selenium_axe_python
    driver.execute_script("var s = document.createElement('style'); s.id = 'axe-render-all';"
                          "s.textContent = '.chapter, .types-part { content-visibility: visible !important; }'; document.head.appendChild(s);")
    source = os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")
    with open(source, encoding="utf-8") as handle:
        driver.execute_script(handle.read())
    version = driver.execute_script("return axe.version")
    driver.set_script_timeout(240)
    started = time.time()
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, Object.assign({resultTypes: ['violations']}, arguments[0] ? {runOnly: arguments[0]} : {})).then(function (r) { done(r.violations.map(function (v) {"
        " return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target}; })); },"
        " function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0}]); });", rules)
    driver.execute_script("document.getElementById('axe-render-all').remove()")
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    for violation in result:
        print(f"     axe {violation['impact']}: {violation['id']} ({violation['nodes']} nodes) {violation['help']} {violation.get('target')}")
    scope = "every rule" if rules is None else ", ".join(rules)
    check(not bad, f"axe-core {version} ({scope}), {label}: no serious or critical violations ({len(result)} minor or moderate; {time.time() - started:.0f} s)")


def wide(check):
    driver = browser(width=1400, height=900)
    try:
        driver.get(URL)
        data = index(driver)
        operations = data["operations"]
        check(len(operations) > 0, f"the search index lists {len(operations)} operations and {len(data['types'])} types")
        ids = set(driver.execute_script("return Array.from(document.querySelectorAll('section.op')).map(e => e.id)"))
        check(ids == {o[0] for o in operations}, f"a section with the operationId as its anchor for every operation ({len(ids)})")
        if IS_QUAY:
            with open(ENDPOINTS) as handle:
                expected = {entry["operationId"] for entry in json.load(handle)}
            expected.discard("Auth Federated Robot Token")
            expected.add("getFederatedRobotToken")
            missing = sorted(expected - ids)
            check(not missing and len(ids) == 190, f"all 190 Quay operations have their anchor (missing: {missing[:5]})")
        first = "listRepoTags" if IS_QUAY else operations[0][0]
        # No work per operation at load: a section gets its tabs and folds when it comes into view.
        ready = driver.execute_script("return document.querySelectorAll('section[data-ready]').length")
        check(ready <= 12, f"only the sections in view are made interactive at load ({ready} of {len(ids)} operations)")

        # Three panes: navigation | operation | code, side by side; the code stays in view.
        driver.get(URL + "#" + first)
        time.sleep(0.3)
        nav, doc, code = rect(driver, "#apigen-nav"), rect(driver, f"[id='{first}'] .op-doc"), rect(driver, f"[id='{first}'] .code-sticky")
        check(nav["visible"] and nav["right"] <= doc["left"] + 1 and doc["right"] <= code["left"] + 1 and code["right"] <= 1400
              and min(nav["width"], doc["width"], code["width"]) > 250,
              f"three panes at 1400 px: navigation {nav['width']:.0f}, operation {doc['width']:.0f}, code {code['width']:.0f} px")
        check(0 <= doc["top"] < 150, f"#{first} scrolls its operation into view (top {doc['top']:.0f})")
        current = driver.execute_script("var a = document.querySelector('#apigen-nav [aria-current]'); return a && a.getAttribute('href')")
        check(current == "#" + first, f"the navigation marks the operation in view ({current})")
        label = driver.execute_script(f"return document.querySelector('#apigen-nav a[href=\"#{first}\"] > span:last-child').textContent")
        check(label == driver.execute_script(f"return document.querySelector('[id=\"{first}\"] .op-title').textContent"),
              f"the navigation names it by its summary ({label!r})")
        driver.execute_script(f"window.scrollBy(0, Math.min(500, document.getElementById('{first}').offsetHeight - 700))")
        time.sleep(0.2)
        moved = rect(driver, f"[id='{first}'] .code-sticky")
        check(moved["top"] >= 40 and abs(moved["top"] - 68) < 30, f"the code panel stays in view while the operation scrolls (top {moved['top']:.0f})")
        check(not console_errors(driver), "no console errors")
        shot(driver, "wide-light")

        # Tabs: Swift for one operation is Swift for all, and is remembered.
        driver.execute_script(f"document.querySelector('[id=\"{first}\"] [role=tab][data-lang=Swift]').click()")
        swift = driver.execute_script("return Array.from(document.querySelectorAll('[role=tab][data-lang=Swift]')).every(t => t.getAttribute('aria-selected') === 'true')")
        shown = driver.execute_script(f"var p = document.querySelector('[id=\"{first}\"] .ex.is-active pre'); return p && p.textContent")
        check(swift and shown and "try await" in shown, "choosing Swift shows the Swift call in every operation")
        # The response example for the chosen status.
        tabs = driver.find_elements(By.CSS_SELECTOR, f"[id='{first}'] [data-tabs=response] [role=tab]")
        if len(tabs) > 1:
            tabs[-1].click()
            panel = driver.execute_script(f"return document.querySelector('[id=\"{first}\"] [data-tabs=response] .ex.is-active').id")
            check(panel == tabs[-1].get_attribute("aria-controls"), f"choosing status {tabs[-1].text} shows its example")
            tabs[-1].send_keys(Keys.ARROW_LEFT)
            focused = driver.execute_script("return document.activeElement.textContent")
            check(focused == tabs[-2].text, f"the arrow keys move between status tabs ({focused})")

        # Copying a sample: the button copies the code, which pastes back whole.
        driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        button = driver.find_element(By.CSS_SELECTOR, f"[id='{first}'] [data-tabs=request] .copy")
        expected_code = driver.execute_script("return arguments[0].closest('.panel').querySelector('.ex.is-active pre').textContent", button)
        button.click()
        time.sleep(0.3)
        check(button.text == "Copied", f"the copy button says so ({button.text!r})")
        pasted = driver.execute_script(
            "var t = document.createElement('textarea'); document.body.appendChild(t); t.focus(); return t;")
        pasted.send_keys(Keys.CONTROL, "v")
        value = pasted.get_attribute("value")
        check(value == expected_code, f"the copied sample pastes back whole ({len(value)} of {len(expected_code)} characters)")
        driver.execute_script("arguments[0].remove()", pasted)

        # Unfolding a nested schema in place, two levels down. Folds are added as their section
        # comes into view: find a marked field whose type has folds of its own, and go there.
        marker = driver.execute_script(
            "return Array.from(document.querySelectorAll('section.op [data-unfold]:not([data-open])')).find(m => {"
            " var a = m.querySelector(\"a[href^='#model-']\"), s = a && document.getElementById(a.getAttribute('href').slice(1));"
            " return s && s.querySelector('.schema [data-unfold]'); })")
        fold = None
        if marker:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", marker)
            time.sleep(0.2)
            fold = driver.execute_script("var m = arguments[0]; return m.tagName === 'LI' ? m.querySelector(':scope > .unfold') : m.nextElementSibling", marker)
        if fold:
            toggle = fold.find_element(By.CSS_SELECTOR, ":scope > button")
            closed = toggle.get_attribute("aria-expanded") == "false"
            toggle.click()
            fields = driver.execute_script("return arguments[0].querySelectorAll(':scope > .nested .fields > li').length", fold)
            name = fold.get_attribute("data-type")
            check(closed and fields > 0 and toggle.get_attribute("aria-expanded") == "true",
                  f"unfolding {name} shows its {fields} fields in place, and says so (aria-expanded)")
            inner = driver.execute_script("return arguments[0].querySelector(':scope > .nested .unfold')", fold)
            inner.find_element(By.CSS_SELECTOR, ":scope > button").click()
            deeper = driver.execute_script("return arguments[0].querySelectorAll(':scope > .nested .fields > li, :scope > .nested .values li').length", inner)
            check(deeper > 0, f"and {inner.get_attribute('data-type')} inside it unfolds too ({deeper} fields or values)")
            ids_after = driver.execute_script("var seen = {}, twice = 0; document.querySelectorAll('[id]').forEach(e => { if (seen[e.id]) twice++; seen[e.id] = 1; }); return twice")
            check(ids_after == 0, "unfolding adds no duplicate ids")
        else:
            check(not IS_QUAY, "a nested schema to unfold (none on this page)")

        # Responses fold: the first success open, the others closed until their head is clicked.
        closed = driver.find_elements(By.CSS_SELECTOR, f"[id='{first}'] .response:not(.open) .response-toggle")
        if closed:
            toggle = closed[0]
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", toggle)
            body = f"[id='{first}'] .response:not(.open) > :not(:first-child)"
            hidden = driver.execute_script(f"return Array.from(document.querySelectorAll(\"{body}\")).every(e => !e.offsetParent)")
            toggle.click()
            shown = driver.execute_script("var r = arguments[0].closest('.response'); return r.classList.contains('open')"
                                          " && Array.from(r.children).every(e => e.offsetParent)", toggle)
            check(hidden and shown and toggle.get_attribute("aria-expanded") == "true",
                  f"a closed response ({toggle.text.split()[0]}) opens from its head, and says so (aria-expanded)")
            toggle.send_keys(Keys.ENTER)
            check(toggle.get_attribute("aria-expanded") == "false", "and closes again from the keyboard")
        else:
            check(not IS_QUAY, "a closed response to open (none on this page)")

        search(driver, check, data, first)

        # A deep link to a type.
        type_name = "Repository" if IS_QUAY else data["types"][0][0]
        driver.get(URL + "#model-" + type_name)
        time.sleep(0.3)
        top = rect(driver, f"[id='model-{type_name}']")["top"]
        bottom = driver.execute_script("return innerHeight + scrollY >= document.documentElement.scrollHeight - 2")
        check(0 <= top < 150 or (bottom and 0 <= top < 900), f"#model-{type_name} scrolls its type into view (top {top:.0f})")
        used = driver.execute_script(f"return document.querySelectorAll('[id=\"model-{type_name}\"] .used-by li').length")
        check(used > 0 or not IS_QUAY, f"the type says where it is used ({used} places)")

        # Dark mode: the toggle wins over the system, and is remembered.
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        driver.find_element(By.ID, "apigen-theme").click()
        dark = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        check(background == "rgb(255, 255, 255)" and dark == "rgb(13, 17, 23)", f"the toggle switches light to dark ({background} to {dark})")
        driver.get(URL + "#" + first)
        time.sleep(0.3)
        again = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        check(again == dark, f"the choice is remembered on the next visit ({again})")
        # The themes differ only in colour: the dark one is checked for contrast, the light one for everything.
        axe(driver, check, "dark theme at 1400 px", ["color-contrast"])
        shot(driver, "wide-dark")
        driver.execute_script("localStorage.clear()")
        driver.get(URL)
        axe(driver, check, "light theme at 1400 px")
        if HOSTILE:
            inert(driver, check, data)
        errors = console_errors(driver)
        check(not errors, f"still no console errors ({errors[:2]})")
    finally:
        driver.quit()


def search(driver, check, data, first):
    """Search by keyboard: / opens it, typing answers, arrows move, Enter goes; Ctrl-K opens it too."""
    driver.get(URL)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    box = driver.find_element(By.ID, "apigen-q")
    check(box.is_displayed() and driver.switch_to.active_element == box, "/ opens the search box, focused")
    box.send_keys(first)
    options = driver.find_elements(By.CSS_SELECTOR, "#apigen-results [role=option]")
    check(options and options[0].get_attribute("data-href") == "#" + first and options[0].get_attribute("aria-selected") == "true",
          f"typing {first!r} puts that operation first, selected")
    groups = [g.get_attribute("textContent") for g in driver.find_elements(By.CSS_SELECTOR, "#apigen-results .result-group")]
    check(groups and groups[0].startswith("Operations"), f"results come in groups ({groups})")
    if len(options) > 1:
        box.send_keys(Keys.ARROW_DOWN)
        check(options[1].get_attribute("aria-selected") == "true" and box.get_attribute("aria-activedescendant") == options[1].get_attribute("id"),
              "the down arrow moves to the next result")
        box.send_keys(Keys.ARROW_UP)
    box.send_keys(Keys.ENTER)
    time.sleep(0.3)
    hidden = not driver.find_element(By.ID, "apigen-search").is_displayed()
    check(hidden and driver.execute_script("return location.hash") == "#" + first, "Enter goes to it and closes the box")
    body.send_keys(Keys.CONTROL, "k")
    check(driver.find_element(By.ID, "apigen-search").is_displayed(), "Ctrl-K opens it too")
    box.send_keys(Keys.ESCAPE)
    check(not driver.find_element(By.ID, "apigen-search").is_displayed(), "Escape closes it")
    if IS_QUAY:
        for query, group in [("digest", "Fields"), ("repository", "Parameters"), ("/api/v1/repository", "Operations"), ("AppToken", "Types")]:
            driver.execute_script("document.getElementById('apigen-search-open').click()")
            box.clear()
            box.send_keys(query)
            found = [g.get_attribute("textContent").split(" (")[0] for g in driver.find_elements(By.CSS_SELECTOR, "#apigen-results .result-group")]
            check(group in found, f"{query!r} finds {group.lower()} ({', '.join(found)})")
            box.send_keys(Keys.ESCAPE)
    latency(driver, check, data)


def latency(driver, check, data):
    """Time from a keystroke to its results on screen (the input handler, then the next frame)."""
    words = [data["operations"][len(data["operations"]) // 2][0][:6], "name", "e", "id", "status", "zzzz-nothing"]
    driver.execute_script("document.getElementById('apigen-search-open').click()")
    driver.set_script_timeout(60)
    times = driver.execute_async_script("""
        var done = arguments[arguments.length - 1], words = arguments[0], box = document.getElementById('apigen-q'), times = [];
        function next(i) {
          if (i >= words.length * 3) { done(times); return; }
          var word = words[i % words.length], start = performance.now();
          box.value = word; box.dispatchEvent(new Event('input'));
          requestAnimationFrame(function () { setTimeout(function () { times.push(performance.now() - start); next(i + 1); }, 0); });
        }
        next(0);""", words)
    times.sort()
    check(times[-1] < 100, f"search answers in under 100 ms: median {times[len(times) // 2]:.1f} ms, slowest {times[-1]:.1f} ms "
          f"over {len(times)} queries, {len(data['operations'])} operations")
    driver.execute_script("document.getElementById('apigen-search-close').click()")
    return times


def inert(driver, check, data):
    """The hostile page: nothing the spec wrote runs or becomes markup."""
    alerts = driver.execute_script("return window.__alerts")
    check(alerts == [], f"no script from the spec ran (alerts: {alerts})")
    scripts = driver.execute_script("return document.querySelectorAll('script').length")
    check(scripts == 3, f"the page's three scripts are its only ones ({scripts})")
    injected = driver.execute_script(
        "return Array.from(document.querySelectorAll('iframe, img, object, embed, b, textarea')).length"
        " + Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name))).length"
        " + document.querySelectorAll('a[href^=\"javascript\" i], a[href^=\"data\" i]').length")
    check(injected == 0, f"no element, handler or link the spec's text tried to inject ({injected})")
    driver.execute_script("document.getElementById('apigen-search-open').click()")
    box = driver.find_element(By.ID, "apigen-q")
    for query in ["<script>", "alert", "entr"]:
        box.clear()
        box.send_keys(query)
        count = len(driver.find_elements(By.CSS_SELECTOR, "#apigen-results [role=option]"))
        marked = driver.execute_script("return document.querySelectorAll('#apigen-results script, #apigen-results img').length")
        check(marked == 0, f"search results for {query!r} are text ({count} results)")
    box.send_keys(Keys.ESCAPE)
    for fold in driver.find_elements(By.CSS_SELECTOR, "section.op .unfold > button")[:10]:
        driver.execute_script("arguments[0].click()", fold)
    check(driver.execute_script("return window.__alerts") == [] and driver.execute_script("return document.querySelectorAll('script').length") == 3,
          "unfolding the hostile types runs nothing")


def phone(check):
    driver = browser(width=390, height=844)
    try:
        first = "changeTag" if IS_QUAY else index_first()
        driver.get(URL + "#" + first)
        time.sleep(0.3)
        width = driver.execute_script("return document.documentElement.clientWidth")
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        check(width >= 375 and scroll <= width, f"one column at 390 px, nothing wider than the screen ({scroll} of {width} px, past the scroll bar)")
        nav = rect(driver, "#apigen-nav")
        doc, code = rect(driver, f"[id='{first}'] .op-doc"), rect(driver, f"[id='{first}'] .op-code")
        check(not nav["visible"] and code["top"] >= doc["bottom"] - 1 and doc["width"] >= width - 1,
              f"the navigation is tucked away and the code panel follows the operation (doc {doc['width']:.0f} px)")
        shot(driver, "phone-light")
        menu = driver.find_element(By.ID, "apigen-menu")
        check(menu.is_displayed(), "a menu button shows")
        menu.click()
        time.sleep(0.4)
        nav = rect(driver, "#apigen-nav")
        check(nav["visible"] and nav["left"] >= -1 and menu.get_attribute("aria-expanded") == "true", "the menu opens the navigation")
        shot(driver, "phone-menu")
        target = driver.find_element(By.CSS_SELECTOR, "#apigen-nav li a")
        href = target.get_attribute("href").split("#")[1]
        target.click()
        time.sleep(0.5)
        check(not rect(driver, "#apigen-nav")["visible"] and driver.execute_script("return location.hash") == "#" + href,
              "choosing an operation closes the menu and goes there")
        axe(driver, check, "light theme at 390 px", ["color-contrast", "target-size", "scrollable-region-focusable", "region"])
        check(not console_errors(driver), "no console errors on a phone")
    finally:
        driver.quit()
    dark = browser(width=390, height=844, dark=True)
    try:
        dark.get(URL + "#" + first)
        time.sleep(0.3)
        background = dark.execute_script("return getComputedStyle(document.body).backgroundColor")
        pressed = dark.find_element(By.ID, "apigen-theme").get_attribute("aria-pressed")
        check(background == "rgb(13, 17, 23)" and pressed == "true", f"a dark system theme gives the dark page ({background})")
        shot(dark, "phone-dark")
    finally:
        dark.quit()


def index_first():
    driver = browser(javascript=False)
    try:
        driver.get(URL)
        return driver.find_element(By.CSS_SELECTOR, "section.op").get_attribute("id")
    finally:
        driver.quit()


def without_javascript(check):
    plain = browser(javascript=False)
    try:
        plain.get(URL)
        operations = plain.find_elements(By.CSS_SELECTOR, "section.op")
        check(len(operations) > 0 and (not IS_QUAY or len(operations) == 190), f"without JavaScript every operation is there ({len(operations)})")
        hidden = [not plain.find_element(By.ID, name).is_displayed() for name in ["apigen-search-open", "apigen-theme", "apigen-menu"]]
        check(all(hidden), "without JavaScript the search, theme and menu buttons, which could not work, are hidden")
        check(not any(b.is_displayed() for b in plain.find_elements(By.CSS_SELECTOR, ".copy")[:50]), "and so are the copy buttons")
        panels = plain.execute_script("return Array.from(document.querySelectorAll('.ex')).filter(p => getComputedStyle(p).display !== 'none').length")
        total = plain.execute_script("return document.querySelectorAll('.ex').length")
        check(panels == total, f"every example shows, each under its label ({panels} of {total})")
        bodies = plain.execute_script("var all = document.querySelectorAll('.response > :not(:first-child)');"
                                      "return [Array.from(all).filter(e => getComputedStyle(e).display !== 'none').length, all.length]")
        check(bodies[0] == bodies[1], f"and every response shows its body ({bodies[0]} of {bodies[1]} parts)")
    finally:
        plain.quit()


def shot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    suffix = "-hostile" if HOSTILE else ""
    driver.save_screenshot(os.path.join(SHOTS, f"docs-{name}{suffix}.png"))


def main():
    check = Checks()
    print(f"{PAGE} ({os.path.getsize(PAGE) / 1e6:.1f} MB)")
    started = time.time()
    wide(check)
    phone(check)
    without_javascript(check)
    print(f"screenshots in {SHOTS}; {time.time() - started:.0f} s")
    if check.failures:
        print(f"{len(check.failures)} browser check(s) failed")
        sys.exit(1)
    print("all browser checks passed")


if __name__ == "__main__":
    main()
