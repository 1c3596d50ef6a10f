#!/usr/bin/env python3
"""Results of tests/bench/run-bench.sh: one JSON line per measurement, then markdown.

    report.py add JSONL CLIENT_OUT PROC_JSON key=value...   one HTTP measurement
    report.py add-floor JSONL key=value...                  one vipsthumbnail batch
    report.py add-same-floor JSONL FLOOR_OUT key=value...   one mort-floor run (a cold measurement's URLs)
    report.py add-start JSONL key=value...                  one cold-start measurement (times_us=a,b,...)
    report.py write JSONL OUT.md key=value...               the report
    report.py problems JSONL                                list bad measurements, exit 1 if any

CLIENT_OUT is wrk's output with load.lua's "RESULT {...}" line, or ab's
output; PROC_JSON is proctree.py's.  A measurement is bad when the server did
not start, the client failed, any request failed (wrk: socket errors or HTTP
status >= 400; ab: "Failed requests" > 0 or a "Non-2xx responses" line) or the
checked response was not a JPEG of the expected width.  A mort-floor run is
bad when it exited non-zero, reported errors, transformed fewer images than
asked, or its check image was not a JPEG of the expected width.  A start
measurement is bad when a launch never answered 200 or an answer failed its check.
"""
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections import OrderedDict
from statistics import median

INT_KEYS = {"rep", "conc", "client_rc", "n", "procs", "maxrss_kb", "width", "out_width", "count"}
FLOAT_KEYS = {"bg_busy_pct", "wall_s", "cpu_s"}
IMAGES = ["photo-8000x6000.jpg", "photo-6000x4000.jpg", "photo-4000x3000.jpg", "photo-1920x1080.jpg",
          "photo-1600x1200.jpg", "photo-640x480.jpg", "small-300x200.jpg", "static-30k.jpg"]
WORKLOADS = ["cold", "hot", "ab", "static", "start"]


def kv(args):
    out = {}
    for a in args:
        k, _, v = a.partition("=")
        if k in INT_KEYS:
            try:
                v = int(v)
            except ValueError:
                pass
        elif k in FLOAT_KEYS:
            v = float(v) if v else None
        out[k] = v
    return out


def parse_ab(text):
    def num(pattern):
        m = re.search(pattern, text, re.M)
        return float(m.group(1)) if m else 0.0
    pct = {int(a): float(b) for a, b in re.findall(r"^\s+(\d+)%\s+(\d+)", text, re.M)}
    non2xx = int(num(r"^Non-2xx responses:\s+(\d+)"))
    failed = int(num(r"^Failed requests:\s+(\d+)"))
    return {"requests": int(num(r"^Complete requests:\s+(\d+)")),
            "duration_us": int(num(r"^Time taken for tests:\s+([\d.]+)") * 1e6),
            "bytes": int(num(r"^Total transferred:\s+(\d+)")),
            "ab_failed": failed, "ab_non2xx": non2xx, "err_status": non2xx, "err_other": failed,
            "lat_p50_us": int(pct.get(50, 0) * 1000), "lat_p99_us": int(pct.get(99, 0) * 1000)}


def parse_wrk(text):
    m = re.search(r"^RESULT (\{.*\})$", text, re.M)
    if not m:
        return {}
    r = json.loads(m.group(1))
    r["err_other"] = r["err_connect"] + r["err_read"] + r["err_write"] + r["err_timeout"]
    return r


def bad(r):
    """Why a record is not a good measurement, or None."""
    if r.get("kind") == "vipsthumbnail":
        return None if r.get("out_width") == r.get("width") else f"output width {r.get('out_width')}"
    if r.get("kind") == "floor":
        why = []
        if not str(r.get("check", "")).startswith("ok"):
            why.append(f"check: {r.get('check') or 'missing'}")
        if r.get("client_rc"):
            why.append(f"mort-floor exit status {r['client_rc']}")
        if r.get("errors"):
            why.append(f"{r['errors']} images failed")
        if r.get("images") != r.get("count"):
            why.append(f"{r.get('images')} of {r.get('count')} images")
        return "; ".join(why) or None
    if r.get("kind") == "start":
        why = []
        if not str(r.get("check", "")).startswith("ok"):
            why.append(f"check: {r.get('check') or 'missing'}")
        if len(r.get("times_ms", [])) != r.get("n"):
            why.append(f"{len(r.get('times_ms', []))} of {r.get('n')} launches answered")
        return "; ".join(why) or None
    why = []
    if not str(r.get("check", "")).startswith("ok"):
        why.append(f"check: {r.get('check') or 'missing'}")
    if not r.get("requests"):
        why.append("no requests completed")
    if r.get("client_rc"):
        why.append(f"client exit status {r['client_rc']}")
    if r.get("errors"):
        why.append(f"{r['errors']} failed requests")
    if "proc_error" in r or not r.get("samples"):
        why.append("no RSS/CPU samples of the server")
    return "; ".join(why) or None


def record(jsonl, r, line):
    """Judges the record (bad), appends it to the JSONL and prints its line (+ BAD: why) on stderr."""
    r["bad"] = bad(r)
    with open(jsonl, "a") as f:
        f.write(json.dumps(r) + "\n")
    print(line + (f"  BAD: {r['bad']}" if r["bad"] else ""), file=sys.stderr)


def add(jsonl, client_out, proc_json, args):
    r = {"kind": "http", "time": time.strftime("%Y-%m-%dT%H:%M:%S")}
    r.update(kv(args))
    text = open(client_out, errors="replace").read() if os.path.exists(client_out) else ""
    r.update(parse_ab(text) if client_out.endswith(".ab.txt") else parse_wrk(text))
    try:
        r.update(json.load(open(proc_json)))
    except (OSError, ValueError) as e:
        r["proc_error"] = str(e)
    if r.get("requests") and r.get("duration_us"):
        secs = r["duration_us"] / 1e6
        r["rps"] = r["requests"] / secs
        r["errors"] = r["err_status"] + r["err_other"]
        if "cpu_s" in r:
            r["cpu_ms_per_req"] = 1000 * r["cpu_s"] / r["requests"]
            r["cpu_pct"] = 100 * r["cpu_s"] / secs
    record(jsonl, r, f"{r['peer']:6} {r['image']:20} {r['workload']:6} rep{r['rep']}  {r.get('rps', 0):8.1f} req/s  "
           f"p50 {r.get('lat_p50_us', 0) / 1000:7.1f} ms  p99 {r.get('lat_p99_us', 0) / 1000:7.1f} ms  "
           f"CPU {r.get('cpu_ms_per_req', 0):6.2f} ms/req  RSS {r.get('peak_rss_kb', 0) / 1024:6.1f} MiB  "
           f"errors {r.get('errors', '?')}  {r.get('check')}")


def add_floor(jsonl, args):
    r = {"kind": "vipsthumbnail", "format": "jpeg", "time": time.strftime("%Y-%m-%dT%H:%M:%S")}
    r.update(kv(args))
    r["ms_per_img_wall"] = 1000 * r["wall_s"] / r["n"]
    r["cpu_ms_per_img"] = 1000 * r["cpu_s"] / (r["n"] * r["procs"])
    r["img_per_s"] = r["n"] * r["procs"] / r["wall_s"]
    record(jsonl, r, f"vipsthumbnail {r['image']:20} x{r['n']} procs={r['procs']} rep{r['rep']}  "
           f"{r['ms_per_img_wall']:7.2f} ms/img  {r['cpu_ms_per_img']:7.2f} CPU ms/img  {r['img_per_s']:7.1f} img/s")


def add_same_floor(jsonl, floor_out, args):
    r = {"kind": "floor", "time": time.strftime("%Y-%m-%dT%H:%M:%S")}
    r.update(kv(args))
    text = open(floor_out, errors="replace").read() if os.path.exists(floor_out) else ""
    m = re.search(r"^RESULT (\{.*\})$", text, re.M)
    if m:
        r.update(json.loads(m.group(1)))
    else:
        r["output"] = text[-500:]
    record(jsonl, r, f"floor  {r['image']:20} cold   rep{r['rep']}  {r.get('img_per_s', 0):8.1f} img/s  "
           f"CPU {r.get('cpu_ms_per_img', 0):6.2f} ms/img  {r.get('images', 0)} images (after {r['peer']})  "
           f"{r.get('check')}")


def add_start(jsonl, args):
    r = {"kind": "start", "time": time.strftime("%Y-%m-%dT%H:%M:%S")}
    r.update(kv(args))
    r["times_ms"] = [int(x) / 1000 for x in str(r.pop("times_us", "")).split(",") if x]
    if r["times_ms"]:
        r["start_ms_median"] = median(r["times_ms"])
        r["start_ms_min"], r["start_ms_max"] = min(r["times_ms"]), max(r["times_ms"])
    record(jsonl, r, f"{r['peer']:6} {r['image']:20} start  rep{r['rep']}  launch -> first 200: median "
           f"{r.get('start_ms_median', 0):7.1f} ms of {r['times_ms']}  {r.get('check')}")


def who(r):
    if r.get("kind") == "floor":
        return f"mort-floor (after {r.get('peer')})"
    return r.get("peer", "vipsthumbnail")


def sh(cmd, cwd=None):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30, cwd=cwd).stdout.strip()
    except Exception:
        return "?"


def machine():
    cpu = re.search(r"^model name\s*:\s*(.*)$", open("/proc/cpuinfo").read(), re.M)
    mem = re.search(r"^MemTotal:\s*(\d+)", open("/proc/meminfo").read(), re.M)
    osname = re.search(r'^PRETTY_NAME="?([^"\n]*)', open("/etc/os-release").read(), re.M)
    return (f"{cpu.group(1) if cpu else '?'}, {os.cpu_count()} cores, "
            f"{int(mem.group(1)) / 2**20 if mem else 0:.0f} GiB RAM, {osname.group(1) if osname else '?'}, "
            f"kernel {platform.release()}")


def fmt(x, nd=1):
    if x is None:
        return "–"
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.{nd}f}"


def med(rs, key, scale=1.0):
    vals = [r[key] * scale for r in rs if r.get(key) is not None]
    return median(vals) if vals else None


def order(r):
    img = IMAGES.index(r["image"]) if r["image"] in IMAGES else 99
    wl = WORKLOADS.index(r["workload"]) if r["workload"] in WORKLOADS else 99
    return img, wl


def write(jsonl, out_md, args):
    p = kv(args)
    recs = [json.loads(line) for line in open(jsonl) if line.strip()]
    http = [r for r in recs if r.get("kind") == "http"]
    good = [r for r in http if "rps" in r]
    floor = [r for r in recs if r.get("kind") == "vipsthumbnail"]
    same = [r for r in recs if r.get("kind") == "floor" and not r.get("bad")]
    ipx = p.get("ipx_dir", "")
    out = []
    w = out.append
    w("# mort-server and its peers: benchmark results")
    w("")
    w(f"- date: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; wall time {int(p.get('elapsed_s', 0)) // 60} min "
      f"{int(p.get('elapsed_s', 0)) % 60} s")
    w(f"- machine: {machine()}; load average at the end: {open('/proc/loadavg').read().strip()}")
    w("- the load generator (wrk/ab) runs on the same cores as the server.  On a shared VM, other tenants take "
      "CPU invisibly (see *bg busy %*: the machine's busy % with the server idle just before each run): "
      "compare ratios and CPU ms/req from one run rather than absolute req/s across runs.")
    peers_run = str(p.get("peers", "")).split()
    versions = OrderedDict([
        ("mort-server", sh(f"'{p.get('mort_bin', '')}' -version 2>&1 | head -1") + f" ({p.get('mort_bin', '')})"
         if "mort" in peers_run else "not run"),
        ("repository HEAD", sh("git log -1 --format='%h %s' | cut -c1-80", cwd=p.get("repo"))),
        ("libvips (system: vipsthumbnail, mort-server)", sh("vips --version")),
        ("IPX / sharp / sharp's libvips", sh(
            "node -p \"require('./node_modules/ipx/package.json').version + ' / ' + "
            "require('sharp').versions.sharp + ' / ' + require('sharp').versions.vips\"", cwd=ipx)
            if os.path.isdir(os.path.join(ipx, "node_modules")) else "–"),
        ("node", sh("node --version")),
        ("nginx / image_filter module / libgd", sh("nginx -v 2>&1 | sed 's#.*/##'") + " / " +
         sh("dpkg-query -W -f '${Version}' libnginx-mod-http-image-filter") + " / " +
         sh("dpkg-query -W -f '${Version}' libgd3")),
        ("wrk / ab", sh("wrk -v 2>&1 | head -1 | cut -d' ' -f2") + " / " +
         sh("ab -V | head -1 | sed 's/^This is ApacheBench, //'")),
    ])
    for k, v in versions.items():
        w(f"- {k}: {v}")
    w(f"- parameters: peers `{p.get('peers')}`; matrix `{p.get('matrix')}`; wrk {p.get('duration')} s after "
      f"{p.get('warmup')} s warm-up, {p.get('conc')} connections, 1 thread; {p.get('reps')} repetition(s); "
      f"cold: width {p.get('cold_w')} x quality {p.get('cold_q')}, a different (width, quality) and URL per "
      f"request, no cache; hot and ab: {p.get('fixed')}; ab {p.get('ab')}; a fresh server per measurement")
    w("")

    if good:
        peers = [x for x in ["ipx", "nginx", "mort"] if any(r["peer"] == x for r in good)]
        groups = OrderedDict()
        for r in sorted(good, key=order):
            groups.setdefault((r["image"], r["workload"], r.get("width")), {}).setdefault(r["peer"], []).append(r)
        w("## At a glance (median over repetitions)")
        w("")
        w("Cell: **req/s** · p50 / p99 ms · CPU ms/req (server) · peak RSS MiB (server process tree).  "
          "*same-URL floor*: mort-floor (mort's engine, no HTTP) on the cold URLs, CPU ms/img · img/s, median "
          "of its runs; *× floor* = the peer's CPU ms/req over it.  *vipsthumbnail*: the old floor, img/s at "
          "300 px, Q80, one process per core.")
        w("")
        w("| image | workload | width | " + " | ".join(peers) + " | same-URL floor | vipsthumbnail img/s |")
        w("|---|---|---|" + "---|" * len(peers) + "---|---:|")
        for (img, wl, width), d in groups.items():
            cells = []
            for peer in peers:
                rs = d.get(peer)
                if not rs:
                    cells.append("n/a")
                    continue
                c = (f"**{fmt(med(rs, 'rps'))}** · {fmt(med(rs, 'lat_p50_us', 1e-3))} / "
                     f"{fmt(med(rs, 'lat_p99_us', 1e-3))} · {fmt(med(rs, 'cpu_ms_per_req'), 2)} · "
                     f"{fmt(max(r.get('peak_rss_kb', 0) for r in rs) / 1024, 0)}")
                nbad = sum(1 for r in rs if r.get("bad"))
                sf = [f for f in same if f["image"] == img and f["peer"] == peer] if wl == "cold" else []
                if sf and med(rs, "cpu_ms_per_req") is not None:
                    c += f" · **{med(rs, 'cpu_ms_per_req') / med(sf, 'cpu_ms_per_img'):.2f}× floor**"
                cells.append(c + (f" · **{nbad} bad**" if nbad else ""))
            fl = [r["img_per_s"] for r in floor if r["image"] == img and r["procs"] > 1]
            sf = [f for f in same if f["image"] == img] if wl == "cold" else []
            lo, _, hi = str(width).partition("-")
            shown = "orig" if wl == "static" else lo if lo == hi else f"{lo}–{hi}"
            w(f"| {img} | {wl} | {shown} | " + " | ".join(cells) +
              (f" | {fmt(med(sf, 'cpu_ms_per_img'), 2)} · {fmt(med(sf, 'img_per_s'))}" if sf else " | –") +
              f" | {fmt(median(fl)) if fl and wl != 'static' else '–'} |")
        w("")

    if http:
        w("## Every measurement")
        w("")
        w("*errors*: wrk socket errors + HTTP status >= 400, or ab failed + non-2xx.  *check*: one more GET after "
          "the run, decoded with vipsheader.  *server CPU %*: 100 = one core.")
        w("")
        w("| time | peer | image | workload | rep | req/s | p50 ms | p99 ms | errors | check | peak RSS MiB | "
          "CPU ms/req | server CPU % | bg busy % | host busy % | steal % |")
        w("|---|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|")
        for r in sorted(http, key=lambda r: r["time"]):
            w("| " + " | ".join([
                r["time"][11:], r["peer"], r["image"], r["workload"], str(r["rep"]), fmt(r.get("rps")),
                fmt(r.get("lat_p50_us", 0) / 1000), fmt(r.get("lat_p99_us", 0) / 1000), str(r.get("errors", "–")),
                str(r.get("check", "")).replace("|", "/"), fmt(r.get("peak_rss_kb", 0) / 1024),
                fmt(r.get("cpu_ms_per_req"), 2), fmt(r.get("cpu_pct"), 0), fmt(r.get("bg_busy_pct"), 0),
                fmt(r.get("host_busy_pct"), 0), fmt(r.get("host_steal_pct"))]) + " |")
        w("")

    if floor:
        w("## Floor: vipsthumbnail (system libvips, no HTTP)")
        w("")
        w("One `vipsthumbnail` process thumbnails the same file N times (300 px wide, Q80, strip); *ms/img* is wall "
          "time per image with one process, *CPU ms/img* user + system per image, *img/s* the total with one "
          "process per core.")
        w("")
        w("| image | N | ms/img (1 process) | CPU ms/img | img/s (one process per core) | max RSS MiB |")
        w("|---|---:|---:|---:|---:|---:|")
        for img in sorted({r["image"] for r in floor}, key=lambda i: IMAGES.index(i) if i in IMAGES else 99):
            rs = [r for r in floor if r["image"] == img]
            one = [r for r in rs if r["procs"] == 1]
            many = [r for r in rs if r["procs"] > 1] or one
            w(f"| {img} | {rs[0]['n']} | {fmt(med(one, 'ms_per_img_wall'), 2)} | {fmt(med(one, 'cpu_ms_per_img'), 2)} "
              f"| {fmt(med(many, 'img_per_s'))} | {fmt(max(r['maxrss_kb'] for r in rs) / 1024)} |")
        w("")

    runs = [r for r in recs if r.get("kind") == "floor"]
    if runs:
        w("## Same-workload floor: the cold URLs through mort's engine (mort-floor, no HTTP)")
        w("")
        w("After each cold measurement, with its server stopped: `mort-floor` parses the URLs of that run "
          "(load.lua's order, mort's syntax) and runs each through `ImageProcessor::process` with the server's "
          "config, limits and libvips settings, on as many threads as the server's transform pool.  *CPU ms/img*: "
          "getrusage of the whole process over the measured images (parsing and reading the original are done "
          "before the clock).")
        w("")
        w("| time | after | image | rep | URLs | threads | img/s | CPU ms/img | errors | check | max RSS MiB | bg busy % |")
        w("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
        for r in sorted(runs, key=lambda r: r["time"]):
            w("| " + " | ".join([
                r["time"][11:], r["peer"], r["image"], str(r["rep"]), str(r.get("count")), str(r.get("threads", "–")),
                fmt(r.get("img_per_s")), fmt(r.get("cpu_ms_per_img"), 2), str(r.get("errors", "–")),
                str(r.get("check", "")).replace("|", "/"), fmt(r.get("maxrss_kb", 0) / 1024),
                fmt(r.get("bg_busy_pct"), 0)]) + " |")
        w("")

    starts = [r for r in recs if r.get("kind") == "start"]
    if starts:
        w("## Cold start: process launch to the first 200 on a transform URL")
        w("")
        w("Each launch: a fresh scratch dir, the server started, its cold URL (width "
          f"{starts[0].get('width')}, Q{starts[0].get('quality')}, a new URL each launch) polled with curl "
          "every 5 ms (resolution ~10 ms) until 200; that answer checked; the server stopped.")
        w("")
        w("| time | peer | image | launches | median ms | min ms | max ms | every launch ms | check | bg busy % |")
        w("|---|---|---|---:|---:|---:|---:|---|---|---:|")
        for r in sorted(starts, key=lambda r: r["time"]):
            w("| " + " | ".join([
                r["time"][11:], r["peer"], r["image"], str(r.get("n")), fmt(r.get("start_ms_median")),
                fmt(r.get("start_ms_min")), fmt(r.get("start_ms_max")),
                ", ".join(f"{t:.0f}" for t in r.get("times_ms", [])), str(r.get("check", "")).replace("|", "/"),
                fmt(r.get("bg_busy_pct"), 0)]) + " |")
        w("")

    bads = [r for r in recs if r.get("bad")]
    if bads:
        w("## Bad measurements (their numbers are in the tables above: read them with care)")
        w("")
        for r in bads:
            w(f"- {who(r)} {r['image']} {r.get('workload', '')} rep{r.get('rep')}: {r['bad']}")
        w("")

    if http:
        w("## Commands")
        w("")
        w("URL templates: `{IMG}` file, `{W}` width, `{Q}` quality, `{N}` unique per request.  Server starts "
          "(first of each peer; the scratch path differs per measurement):")
        w("")
        seen = set()
        for r in http:
            if r["peer"] not in seen and r.get("server_cmd"):
                seen.add(r["peer"])
                w(f"- {r['peer']}: `{r['server_cmd']}`")
        w("")
        w("```sh")
        seen = set()
        for r in http:
            key = (r["peer"], r["image"], r["workload"])
            if key not in seen and r.get("cmd"):
                seen.add(key)
                w(f"# {r['peer']} {r['image']} {r['workload']}   template {r.get('template')}")
                w(r["cmd"])
        for r in floor[:1]:
            w("# floor")
            w(r["cmd"])
        for r in runs[:1]:
            w("# same-workload floor (CONFIG: mort-config.yml.in rendered with cache off)")
            w(r["cmd"])
        w("```")
        w("")
    with open(out_md, "w") as f:
        f.write("\n".join(out) + "\n")


def problems(jsonl):
    recs = [json.loads(line) for line in open(jsonl) if line.strip()]
    bads = [r for r in recs if r.get("bad")]
    for r in bads:
        print(f"BAD: {who(r)} {r['image']} {r.get('workload', '')} rep{r.get('rep')}: "
              f"{r['bad']}", file=sys.stderr)
    print(f"{len(recs) - len(bads)} of {len(recs)} measurements good", file=sys.stderr)
    return 1 if bads or not recs else 0


def main(argv):
    if len(argv) >= 4 and argv[0] == "add":
        add(argv[1], argv[2], argv[3], argv[4:])
    elif len(argv) >= 2 and argv[0] == "add-floor":
        add_floor(argv[1], argv[2:])
    elif len(argv) >= 3 and argv[0] == "add-same-floor":
        add_same_floor(argv[1], argv[2], argv[3:])
    elif len(argv) >= 2 and argv[0] == "add-start":
        add_start(argv[1], argv[2:])
    elif len(argv) >= 3 and argv[0] == "write":
        write(argv[1], argv[2], argv[3:])
    elif len(argv) == 2 and argv[0] == "problems":
        return problems(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
