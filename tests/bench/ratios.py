#!/usr/bin/env python3
"""Markdown: mort-server vs each peer as ratios, from one run-bench.sh run.

    ratios.py RESULTS.jsonl [RUN_DIR]

RESULTS.jsonl is run-bench.sh's output (one line per measurement, see
report.py).  RUN_DIR holds the metrics.NN.<workload>.txt scrapes that
run-bench.sh takes just before stopping each mort-server; they are
summarised as a table.
"""
import glob
import json
import os
import re
import sys
from statistics import median

recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
run_dir = sys.argv[2] if len(sys.argv) > 2 else None
http = [r for r in recs if r.get("kind") == "http" and "rps" in r]
vt = [r for r in recs if r.get("kind") == "vipsthumbnail"]
same = [r for r in recs if r.get("kind") == "floor" and not r.get("bad")]  # mort-floor, report.py


def med(rs, key, scale=1.0):
    vals = [r[key] * scale for r in rs if r.get(key) is not None]
    return median(vals) if vals else None


def stats(rs):
    return {
        "rps": med(rs, "rps"),
        "cpu": med(rs, "cpu_ms_per_req"),
        "p50": med(rs, "lat_p50_us", 1e-3),
        "p99": med(rs, "lat_p99_us", 1e-3),
        "rss": max(r.get("peak_rss_kb", 0) for r in rs) / 1024.0,
        "err": sum(r.get("errors", 0) for r in rs),
        "n": len(rs),
    }


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}"


def num(x, nd=1):
    if x is None:
        return "–"
    return f"{x:.{nd}f}" if x < 100 else f"{x:.0f}"


groups = {}
for r in http:
    groups.setdefault((r["image"], r["workload"]), {}).setdefault(r["peer"], []).append(r)

out = []
w = out.append
w("## mort-server vs peers: ratios (this run)")
w("")
if not any(r["peer"] == "mort" for r in http):
    print("\n".join(out + ["(no mort-server measurements in this run)", ""]))
    sys.exit(0)
w("Each ratio is mort / peer, from medians over the repetitions of this run (peak RSS: max).  "
  "req/s: > 1 = mort faster.  CPU ms/req, p50, p99, peak RSS: < 1 = mort cheaper / faster / smaller.  "
  "*floor (mort-floor, same URLs)*: mort's engine without HTTP on the URLs of mort's own cold runs "
  "(next table).  *floor (vipsthumbnail, W=300)*: the old floor, one process per core: req/s vs its img/s, "
  "CPU ms/req vs its CPU ms/img; its transform is 300 px, Q80 = hot and ab, so against cold (widths `COLD_W`, "
  "quality `COLD_Q`) it is indicative only; hot and ab are served from mort's cache / collapsed.")
w("")
w("| image | workload | vs | mort req/s | peer req/s | req/s ratio | CPU ms/req ratio | p50 ratio | p99 ratio | peak RSS ratio | mort / peer errors |")
w("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
order = {"cold": 0, "hot": 1, "ab": 2, "static": 3, "cold-webp": 4}
for (img, wl) in sorted(groups, key=lambda k: (k[0], order.get(k[1], 9))):
    d = groups[(img, wl)]
    if "mort" not in d:
        continue
    m = stats(d["mort"])
    for peer in sorted(p for p in d if p != "mort"):
        p = stats(d[peer])
        w(f"| {img} | {wl} | {peer} | {num(m['rps'])} | {num(p['rps'])} | {ratio(m['rps'], p['rps'])} | "
          f"{ratio(m['cpu'], p['cpu'])} | {ratio(m['p50'], p['p50'])} | {ratio(m['p99'], p['p99'])} | "
          f"{ratio(m['rss'], p['rss'])} | {m['err']} / {p['err']} |")
    sf = [r for r in same if r["image"] == img and r["peer"] == "mort"] if wl == "cold" else []
    if sf:
        w(f"| {img} | {wl} | floor (mort-floor, same URLs) | {num(m['rps'])} | {num(med(sf, 'img_per_s'))} img/s | "
          f"{ratio(m['rps'], med(sf, 'img_per_s'))} | {ratio(m['cpu'], med(sf, 'cpu_ms_per_img'))} | – | – | – | "
          f"{m['err']} / – |")
    if wl in ("cold", "hot", "ab"):
        fl = [r for r in vt if r["image"] == img and r.get("format") == "jpeg"]
        many = [r["img_per_s"] for r in fl if r["procs"] > 1]
        cpu1 = [r["cpu_ms_per_img"] for r in fl if r["procs"] == 1]
        if many:
            fr = median(many)
            fc = median(cpu1) if cpu1 else None
            fw = sorted({r["width"] for r in fl})
            w(f"| {img} | {wl} | floor (vipsthumbnail, W={'/'.join(map(str, fw))}) | {num(m['rps'])} | {num(fr)} img/s | {ratio(m['rps'], fr)} | "
              f"{ratio(m['cpu'], fc)} | – | – | – | {m['err']} / – |")
w("")

# x floor: each peer's cold CPU per request over mort's engine on the same
# URLs, the floor runs paired with that peer's own measurements (same URLs,
# minutes apart); the old vipsthumbnail floor against the same.
cold = {}
for r in http:
    if r["workload"] == "cold":
        cold.setdefault(r["image"], {}).setdefault(r["peer"], []).append(r)
if same and cold:
    w("### × floor: cold CPU per image over mort's engine on the same URLs (mort-floor)")
    w("")
    w("*× floor* = peer CPU ms/req ÷ floor CPU ms/img (1.00 = the peer costs what mort's libvips pipeline costs "
      "with no HTTP, cache or storage; the floor runs right after that peer's measurement on the same URLs).  "
      "req/s ÷ img/s likewise.  The vipsthumbnail row is the old floor (300 px, Q80, one process, CPU ms/img) "
      "against the same-URL floor of all cold runs of the image.")
    w("")
    w("| image | peer | peer CPU ms/req | floor CPU ms/img | **× floor (CPU)** | peer req/s | floor img/s | × floor (req/s) | floor runs | bg busy % (peer runs / floor runs) |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for img in sorted(cold):
        for peer in sorted(cold[img]):
            rs = cold[img][peer]
            sf = [r for r in same if r["image"] == img and r["peer"] == peer]
            if not sf:
                continue
            pc, fc = med(rs, "cpu_ms_per_req"), med(sf, "cpu_ms_per_img")
            pr, fr = med(rs, "rps"), med(sf, "img_per_s")
            busy = lambda xs: "/".join(num(x.get("bg_busy_pct"), 0) for x in xs)
            w(f"| {img} | {peer} | {num(pc, 2)} | {num(fc, 2)} | **{ratio(pc, fc)}** | {num(pr)} | {num(fr)} | "
              f"{ratio(pr, fr)} | {len(sf)} | {busy(rs)} / {busy(sf)} |")
        one = [r for r in vt if r["image"] == img and r["procs"] == 1]
        allsf = [r for r in same if r["image"] == img]
        if one and allsf:
            vc, fc = med(one, "cpu_ms_per_img"), med(allsf, "cpu_ms_per_img")
            many = [r for r in vt if r["image"] == img and r["procs"] > 1]
            vr, fr = (med(many, "img_per_s") if many else None), med(allsf, "img_per_s")
            w(f"| {img} | vipsthumbnail 300 px Q80 (old floor) | {num(vc, 2)} | {num(fc, 2)} | **{ratio(vc, fc)}** | "
              f"{num(vr)} img/s | {num(fr)} | {ratio(vr, fr)} | {len(allsf)} | – |")
    w("")

if run_dir:
    files = sorted(glob.glob(os.path.join(run_dir, "metrics.*.txt")))
    if files:
        w("### mort-server's own counters per measurement")
        w("")
        w("Scraped from `/metrics` (internal listener) right before each server was stopped, so they cover "
          "the start probe, the warm-up (wrk workloads), the measured run and the one checked response after it.  *tasks live* lists kinds "
          "that were not 0; the scrape itself is one live `request` task.")
        w("")
        w("| # | workload | requests | transforms | cache hit / miss / set | collapsed | cache bytes | tasks live (≠0) | RSS MiB at stop |")
        w("|---:|---|---:|---:|---|---:|---:|---|---:|")

        def parse(text):
            vals = {}
            for line in text.splitlines():
                if not line or line.startswith("#"):
                    continue
                mm = re.match(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)$", line)
                if mm:
                    try:
                        vals[(mm.group(1), mm.group(2) or "")] = float(mm.group(3))
                    except ValueError:
                        pass
            return vals

        for f in files:
            seq, wl = re.match(r".*metrics\.(\d+)\.(.+)\.txt$", f).groups()
            v = parse(open(f, errors="replace").read())
            if not v:
                w(f"| {int(seq)} | {wl} | (no scrape) | | | | | | |")
                continue
            g = lambda n, l="": v.get((n, l))
            live = []
            for (n, l), x in v.items():
                if n == "mort_tasks_live" and x:
                    kind = re.search(r'kind="([^"]+)"', l)
                    live.append(f"{kind.group(1) if kind else l}={int(x)}")
            hit = g("mort_cache_ratio", '{status="hit"}')
            miss = g("mort_cache_ratio", '{status="miss"}')
            st = g("mort_cache_ratio", '{status="set"}')
            fmt = lambda x: "–" if x is None else str(int(x))
            rss = g("process_resident_memory_bytes")
            w(f"| {int(seq)} | {wl} | {fmt(g('mort_requests_total'))} | {fmt(g('mort_transforms_total'))} | "
              f"{fmt(hit)} / {fmt(miss)} / {fmt(st)} | {fmt(g('mort_request_collapsed_count'))} | "
              f"{fmt(g('mort_cache_bytes'))} | {', '.join(live) or '–'} | "
              f"{'–' if rss is None else f'{rss / 1048576:.1f}'} |")
        w("")
print("\n".join(out))
