#!/usr/bin/env python3
"""Screenshots of the generated HTML docs at desktop and phone width, for looking at.

  python3 Tests/Browser/docs_screenshots.py [index.html] [output directory]

Writes docs-desktop.png, docs-phone.png and docs-operation.png (a deep link).
"""
import os
import sys

from docs_browser_test import PAGE, browser

OUT = sys.argv[2] if len(sys.argv) > 2 else "."

for name, width, height, anchor in [("docs-desktop", 1366, 900, ""), ("docs-phone", 390, 844, ""),
                                    ("docs-operation", 1366, 900, "#listRepoTags"), ("docs-phone-operation", 390, 844, "#changeTag")]:
    driver = browser(width=width, height=height)
    try:
        driver.get("file://" + PAGE + anchor)
        path = os.path.join(OUT, name + ".png")
        driver.save_screenshot(path)
        print("wrote", path)
    finally:
        driver.quit()
