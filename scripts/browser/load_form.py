"""Load on the survey form: N concurrent clients post complete forms to a real `skm serve`
on 127.0.0.1 for a fixed time; prints submissions/s, p50/p99 latency, and acknowledged (303)
against stored (rows in the store). Loopback only, bounded by --seconds.

Each client sends its own X-Forwarded-For through `--trusted-proxy 127.0.0.1`, as clients
behind an office's reverse proxy would, so the per-client rate limit applies per client.
"""
import argparse
import http.client
import os
import re
import shutil
import subprocess
import secrets
import sys
import threading
import time
from urllib.parse import urlencode, urlparse

import harness

AGENCY = "bengkulu-selatan"


def client(n, base, service, deadline, out):
    u = urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    lat, acked, other = [], 0, 0
    while time.monotonic() < deadline:
        nonce = secrets.token_hex(16)
        body = urlencode([("nonce", nonce)] + [(f"U{i}", str((i + n) % 4 + 1)) for i in range(1, 10)]
                         + [("gender", "L"), ("saran", "uji beban")])
        t = time.perf_counter()
        try:
            conn.request("POST", f"/s/{AGENCY}/{service}", body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": f"10.0.{n // 250}.{n % 250 + 1}"})
            r = conn.getresponse()
            r.read()
        except (OSError, http.client.HTTPException):
            other += 1
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            continue
        lat.append(time.perf_counter() - t)
        if r.status == 303:
            acked += 1
        else:
            other += 1
    out[n] = (lat, acked, other)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--wrk", action="store_true",
                   help="load with wrk (Debian's, scripts/browser/load_form.lua) instead of Python threads, "
                        "so the client costs less of the cores the server runs on")
    a = p.parse_args()
    server = harness.Server(
        extra_args=["--trusted-proxy", "127.0.0.1", "--kiosk-burst", "1000000", "--log-level", "warning"],
        setup=[("token", "kiosk", "--agency", AGENCY, "--open")])
    try:
        service = server.query("SELECT code FROM service WHERE agency = ? ORDER BY code LIMIT 1", AGENCY)[0][0]
        if a.wrk:
            return with_wrk(server, service, a)
        out = {}
        deadline = time.monotonic() + a.seconds
        threads = [threading.Thread(target=client, args=(n, server.base, service, deadline, out)) for n in range(a.clients)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start
        lat = sorted(x for v in out.values() for x in v[0])
        acked = sum(v[1] for v in out.values())
        other = sum(v[2] for v in out.values())
        stored = server.query("SELECT count(*) FROM response WHERE agency = ? AND id LIKE 'form-%'", AGENCY)[0][0]
        pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else float("nan")
        print(f"clients {a.clients}, {elapsed:.1f} s: {acked / elapsed:.0f} submissions/s acknowledged, "
              f"p50 {pct(0.50):.1f} ms, p99 {pct(0.99):.1f} ms, acknowledged {acked}, stored {stored}, "
              f"other answers {other}, lost {acked - stored}")
        return 0 if acked == stored else 1
    finally:
        server.stop()


def with_wrk(server, service, a):
    """One wrk run; acknowledged = requests answered 2xx/3xx (a 303 is the form's thank-you).
    A request in flight when wrk stops is not counted but may be stored: stored ≥ acknowledged."""
    if not shutil.which("wrk"):
        sys.exit("load-form --wrk: wrk is not installed (apt-get install wrk)")
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "load_form.lua")
    out = subprocess.run(["wrk", "-t2", f"-c{a.clients}", f"-d{int(a.seconds)}s", "--latency", "-s", script,
                          f"{server.base}/s/{AGENCY}/{service}"], capture_output=True, text=True, timeout=a.seconds + 60).stdout
    def ms(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
    total = int(re.search(r"(\d+) requests in ([\d.]+)s", out).group(1))
    secs = float(re.search(r"(\d+) requests in ([\d.]+)s", out).group(2))
    bad = int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or [0, 0])[1])
    errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    acked = total - bad
    stored = server.query("SELECT count(*) FROM response WHERE agency = ? AND id LIKE 'form-%'", AGENCY)[0][0]
    print(f"wrk, clients {a.clients}, {secs:.1f} s: {acked / secs:.0f} submissions/s acknowledged, "
          f"p50 {ms(50):.1f} ms, p99 {ms(99):.1f} ms, acknowledged {acked}, stored {stored}, "
          f"other answers {bad}, socket errors {errors}, lost {max(0, acked - stored)}")
    return 0 if stored >= acked else 1


if __name__ == "__main__":
    sys.exit(main())
