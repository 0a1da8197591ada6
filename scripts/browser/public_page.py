"""The published results (issue 17) in a real browser: /p/{agency} of the real `skm serve`
at 360 x 740 with JavaScript on and off, and the static file of `skm report --format html`.
The headline IKM must be the JSON report's figure; nothing may scroll sideways or be
fetched from anywhere else."""
import json
import os
import shutil
import sys
import tempfile
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness

AGENCY = "bengkulu-selatan"
PERIOD = "2025-S1"


def headline(ikm, lang="id"):
    text = f"{ikm:.2f}"
    return text.replace(".", ",") if lang == "id" else text


def page_checks(d, check, what, origin):
    width = d.execute_script("return document.documentElement.scrollWidth")
    check(width <= 360, f"{what}: no horizontal scrolling at 360 px (scrollWidth {width})")
    elsewhere = d.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    elsewhere = [u for u in elsewhere if origin is None or not u.startswith(origin)]
    check(not elsewhere, f"{what}: nothing fetched from elsewhere {elsewhere}")
    small = d.execute_script("""
        return [...document.querySelectorAll('select, button, a.lang')]
          .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44).map(e => e.tagName);""")
    check(not small, f"{what}: every control is at least 44 px tall {small}")
    charts = d.execute_script("return [...document.querySelectorAll('svg.chart')].map(s => s.getBoundingClientRect().width)")
    check(charts and all(0 < w <= 360 for w in charts), f"{what}: {len(charts)} charts drawn within the width {charts}")


def main():
    check = harness.Check()
    started = time.time()
    work = tempfile.mkdtemp(prefix="skm-public-")
    seeds = os.path.join(harness.ROOT, "seeds")
    server = harness.Server(setup=[
        ("demo", "--seeds", seeds, "--transactions", "3000", "--responses", "1200", "--out", os.path.join(work, "demo")),
        ("publish", "--agency", AGENCY, "--on"),
        ("report", "--period", PERIOD, "--agency", AGENCY, "--format", "json,html", "--publish", "--as-of", "2025-12-31",
         "--out", os.path.join(work, "pub")),
    ])
    try:
        with open(os.path.join(work, "pub", f"{AGENCY}_{PERIOD}.json")) as f:
            report = json.load(f)
        ikm = report["overall"]["ikm_converted_rounded"]
        url = f"{server.base}/p/{AGENCY}?period={PERIOD}"

        print(f"JavaScript on, {url}")
        with harness.browser() as d:
            d.get(url)
            check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id", "page language is id")
            shown = d.find_element(By.ID, "ikm-value").text
            check(shown == headline(ikm), f"headline IKM {shown!r} is the JSON report's {ikm}")
            check(d.find_element(By.ID, "period").text == "Semester I 2025", "the asked period is shown")
            page_checks(d, check, "page", server.base)
            harness.screenshot(d, "public-page")
            shot = harness.screenshot(d, "public-page-top", max_height=1800)  # the docs' picture

            print("period picker")
            Select(d.find_element(By.ID, "period-pick")).select_by_value("2024-S2")
            d.find_element(By.CSS_SELECTOR, ".picker button").click()
            WebDriverWait(d, 15).until(lambda d: "period=2024-S2" in d.current_url)
            check(d.find_element(By.ID, "period").text == "Semester II 2024", "the picker shows an earlier semester")

            print("language switch")
            d.find_element(By.CSS_SELECTOR, "a.lang").click()
            WebDriverWait(d, 15).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
            check(d.find_element(By.ID, "period").text == "Semester 2 2024", "English keeps the period")
            check("." in d.find_element(By.ID, "ikm-value").text, "English writes a decimal point")
            harness.screenshot(d, "public-page-en")

        print("200 % zoom on a 360 px phone (a 180 px wide layout viewport)")
        with harness.browser(width=180, height=370) as d:
            d.get(url)
            width = d.execute_script("return document.documentElement.scrollWidth")
            check(width <= 180, f"200 % zoom: no horizontal scrolling (scrollWidth {width})")
            check(d.find_element(By.ID, "ikm-value").text == headline(ikm), "200 % zoom: the headline is whole")
            harness.screenshot(d, "public-page-zoom200", max_height=1200)

        print("JavaScript off")
        with harness.browser(javascript=False) as d:
            d.get(url)
            check(d.find_element(By.ID, "ikm-value").text == headline(ikm), "the same headline without JavaScript")
            page_checks(d, check, "page without JavaScript", server.base)

        print("static file")
        static = os.path.join(work, "pub", f"{AGENCY}_{PERIOD}.html")
        with harness.browser() as d:
            d.get("file://" + static)
            check(d.find_element(By.ID, "ikm-value").text == headline(ikm), "the static file shows the JSON report's IKM")
            check(not d.find_elements(By.CSS_SELECTOR, "a, form"), "the static file links nowhere")
            page_checks(d, check, "static file", None)
            harness.screenshot(d, "public-page-static")
        with harness.browser(width=1080, height=1350) as d:
            d.get("file://" + os.path.join(work, "pub", f"{AGENCY}_{PERIOD}.svg"))
            harness.screenshot(d, "public-infographic", full_page=False)

        print("publication off")
        server.run("publish", "--agency", AGENCY, "--off")
        with harness.browser() as d:
            d.get(url)
            check(d.find_element(By.TAG_NAME, "h1").text == "Halaman tidak ditemukan", "off: a plain not-found page")
            check(not d.find_elements(By.ID, "ikm-value"), "off: no figure")

        if os.environ.get("SKM_UPDATE_DOCS_SCREENSHOT"):
            shutil.copyfile(shot, os.path.join(harness.ROOT, "docs", "public-page.png"))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"public page browser test took {time.time() - started:.1f} s; screenshots in {harness.ARTIFACTS}")
    return check.close()


if __name__ == "__main__":
    sys.exit(main())
