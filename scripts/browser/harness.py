"""Shared harness for skm's real-browser tests: a real `skm serve` on loopback over a
temporary store, and Debian's headless Chromium driven through chromedriver (selenium).

Used by survey_form.py; the public results page (issue 17) reuses it. Everything is bounded:
the server is stopped by the harness, page loads time out, and nothing leaves 127.0.0.1.
"""
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from contextlib import contextmanager

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("SKM_ARTIFACTS", os.path.join(ROOT, ".build", "artifacts"))


def skm_binary():
    path = os.environ.get("SKM_BIN", os.path.join(ROOT, ".build", "debug", "skm"))
    if not os.path.exists(path):
        raise SystemExit(f"browser-test: no skm binary at {path}; run swift build first")
    return path


class Server:
    """`skm serve --port 0` on a fresh store with the seed catalog; `base` is its address."""

    def __init__(self, extra_args=(), setup=()):
        self.dir = tempfile.mkdtemp(prefix="skm-browser-")
        self.store = os.path.join(self.dir, "skm.sqlite")
        self.skm = skm_binary()
        self.run("init", "--seeds", os.path.join(ROOT, "seeds"))
        for args in setup:
            self.run(*args)
        self.proc = subprocess.Popen(
            [self.skm, "serve", "--store", self.store, "--host", "127.0.0.1", "--port", "0", *extra_args],
            stdout=subprocess.PIPE, stderr=open(os.path.join(self.dir, "serve.log"), "w"), text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"listening on (http://127\.0\.0\.1:\d+)", line)
        if not m:
            self.stop()
            raise SystemExit(f"browser-test: skm serve did not start: {line!r}")
        self.base = m.group(1)

    def run(self, *args):
        subprocess.run([self.skm, *args, "--store", self.store], check=True, capture_output=True, timeout=120)

    def query(self, sql, *params):
        with sqlite3.connect(self.store, timeout=10) as db:
            return db.execute(sql, params).fetchall()

    def stop(self):
        if getattr(self, "proc", None) and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def chromium(width=360, height=740, javascript=True):
    """Headless Debian Chromium at a phone's viewport (CSS pixels)."""
    from selenium import webdriver  # only the browser tests need it; the load script does not
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    o = Options()
    o.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--no-first-run", "--disable-extensions", "--lang=id", "--hide-scrollbars",
              f"--window-size={width},{height}"):
        o.add_argument(a)
    if not javascript:
        o.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    d = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(30)
    # The window size includes no browser chrome in headless mode, but pin the viewport anyway.
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    return d


@contextmanager
def browser(**kw):
    d = chromium(**kw)
    try:
        yield d
    finally:
        d.quit()


def screenshot(driver, name, full_page=True, max_height=None):
    """Writes ARTIFACTS/name.png; a full-page capture through the DevTools protocol (its top
    `max_height` CSS pixels when given)."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, name + ".png")
    if full_page:
        import base64
        m = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        w, h = m["cssContentSize"]["width"], m["cssContentSize"]["height"]
        h = min(h, max_height) if max_height else h
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    else:
        driver.save_screenshot(path)
    return path


class Check:
    """Counts checks and prints the closing 'N passed, N failed' line CI reads."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, ok, what):
        if ok:
            self.passed += 1
            print(f"  ok   {what}")
        else:
            self.failed += 1
            print(f"  FAIL {what}")

    def close(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 0 if self.failed == 0 else 1
