#!/usr/bin/env python3
"""Sample mort-server every INTERVAL s until SIGTERM or until PID exits.

    soak_sampler.py PID METRICS_URL OUT.jsonl PHASE_FILE [INTERVAL_S]

One JSON line per sample: t (s since start), phase (contents of PHASE_FILE),
rss_kb / hwm_kb / threads (from /proc/PID/status), cpu_s (utime+stime), and
from METRICS_URL (Prometheus text on the internal listener): tasks_live by
kind, cache_bytes, cache_items, transforms_total, collapse_waiters,
connections_open, background_queue_depth, requests_total.  A failed scrape
leaves those keys out (scrape_error is set).  The scrape is itself one HTTP
request, i.e. one live `request` task while it is served.
"""
import json
import os
import re
import signal
import sys
import time
import urllib.request

pid, url, out_path, phase_file = sys.argv[1:5]
interval = float(sys.argv[5]) if len(sys.argv) > 5 else 0.1
pid = int(pid)
CLK = os.sysconf("SC_CLK_TCK")
stop = {"flag": False}
signal.signal(signal.SIGTERM, lambda *_: stop.update(flag=True))
signal.signal(signal.SIGINT, lambda *_: stop.update(flag=True))

LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})?\s+(\S+)$')
WANT = {"mort_cache_bytes": "cache_bytes", "mort_cache_items": "cache_items",
        "mort_transforms_total": "transforms_total", "mort_collapse_waiters": "collapse_waiters",
        "mort_connections_open": "connections_open", "mort_background_queue_depth": "background_queue_depth",
        "mort_requests_total": "requests_total", "mort_transforms_in_flight": "transforms_in_flight",
        "mort_request_collapsed_count": "collapsed_total", "mort_vips_memory_bytes": "vips_memory_bytes"}


def proc():
    d = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    d[k.lower().replace("vm", "") + "_kb"] = int(v.split()[0])
                elif k == "Threads":
                    d["threads"] = int(v)
        with open(f"/proc/{pid}/stat") as f:
            rest = f.read().rsplit(")", 1)[1].split()
            d["cpu_s"] = (int(rest[11]) + int(rest[12])) / CLK
    except OSError:
        return None
    return d


def scrape():
    d = {}
    with urllib.request.urlopen(url, timeout=1.0) as r:
        text = r.read().decode("utf-8", "replace")
    tasks = {}
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        m = LINE.match(line)
        if not m:
            continue
        name, labels, val = m.groups()
        if name == "mort_tasks_live":
            k = re.search(r'kind="([^"]*)"', labels or "")
            tasks[k.group(1) if k else labels] = int(float(val))
        elif name in WANT and not labels:
            d[WANT[name]] = float(val)
    d["tasks_live"] = tasks
    return d


t0 = time.time()
with open(out_path, "a") as out:
    while not stop["flag"]:
        t = time.time()
        p = proc()
        if p is None:
            break
        rec = {"t": round(t - t0, 3)}
        try:
            with open(phase_file) as f:
                rec["phase"] = f.read().strip()
        except OSError:
            rec["phase"] = "?"
        rec.update(p)
        try:
            rec.update(scrape())
        except Exception as e:  # noqa: BLE001 -- a missed scrape is data too
            rec["scrape_error"] = str(e)[:120]
        out.write(json.dumps(rec) + "\n")
        out.flush()
        time.sleep(max(0.0, interval - (time.time() - t)))
