#!/usr/bin/python3
"""Plots and tables of tests/bench/curves.sh's raw data.

    curves.py OUT_DIR

Reads OUT_DIR/raw/: conc-c<C>.jsonl, size.jsonl, start.jsonl, soak.jsonl (run-bench.sh's
raw JSON lines, report.py's records), samples/*.jsonl (soak_sampler.py) and run.txt
(the command, times).  Writes into OUT_DIR:

    reqs-vs-concurrency.png   req/s against wrk connections, one panel per workload
    p99-vs-concurrency.png    p99 latency (ms, log scale) against connections
    rss-vs-concurrency.png    peak RSS of the server's process tree against connections
    size.png                  cold: CPU ms per image and req/s against source megapixels
    coldstart.png             process launch -> first 200 on a transform URL
    soak.png                  mort's VmRSS, cache bytes and live tasks by kind over time
    README.md                 the command, date, machine and the table behind every plot

A point is the median over its repetitions; it is *invalid* when any repetition is bad
(report.py: HTTP status >= 400, socket errors, a failed response check, no samples):
drawn as a red cross, flagged in the tables and listed with the reason.  Needs
matplotlib (Debian: python3-matplotlib, for /usr/bin/python3); standard library otherwise.
"""
import glob
import json
import os
import re
import sys
import time
from statistics import median

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter  # noqa: E402

PEERS = ["ipx", "nginx", "mort"]
COLOR = {"ipx": "tab:orange", "nginx": "tab:green", "mort": "tab:blue"}
LABEL = {"ipx": "IPX (sharp)", "nginx": "nginx image_filter", "mort": "mort-server"}
HOT_NOTE = "hot: nginx proxy_cache, mort response cache, IPX no cache"


def load(path):
    if not os.path.exists(path):
        return []
    return [json.loads(line) for line in open(path) if line.strip()]


def mp(image):
    m = re.search(r"(\d+)x(\d+)", image)
    return int(m.group(1)) * int(m.group(2)) / 1e6 if m else None


def fmt(x, nd=1):
    if x is None:
        return "–"
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.{nd}f}"


def point(rs):
    """Median of the repetitions of one point, and why it is invalid (or None)."""
    def med(key, scale=1.0):
        vals = [r[key] * scale for r in rs if r.get(key) is not None]
        return median(vals) if vals else None
    bad = [f"rep{r.get('rep')}: {r['bad']}" for r in rs if r.get("bad")]
    return {"rps": med("rps"), "p50": med("lat_p50_us", 1e-3), "p99": med("lat_p99_us", 1e-3),
            "rss": max((r.get("peak_rss_kb", 0) for r in rs), default=0) / 1024 or None,
            "cpu": med("cpu_ms_per_req"), "errors": sum(r.get("errors", 0) or 0 for r in rs),
            "reps": len(rs), "bg": med("bg_busy_pct"), "invalid": "; ".join(bad) or None}


def group(recs, key):
    out = {}
    for r in recs:
        if r.get("kind") == "http":
            out.setdefault(key(r), []).append(r)
    return {k: point(v) for k, v in out.items()}


def logy(ax):
    """Log y axis with plain numbers at 1, 2, 5 x 10^n (readable within one decade too)."""
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.yaxis.set_minor_formatter(NullFormatter())


def draw(ax, xs_by_peer, metric, pts):
    """One line per peer through its valid points; invalid ones are red crosses, off the line
    (a server answering errors fast would otherwise draw a spike of throughput)."""
    flagged = False
    for peer, keys in xs_by_peer.items():
        xy = [(x, pts[k][metric]) for x, k in keys if pts[k][metric] is not None and not pts[k]["invalid"]]
        ax.plot([a for a, _ in xy], [b for _, b in xy], "o-", color=COLOR.get(peer), label=LABEL.get(peer, peer))
        bad = [(x, pts[k][metric]) for x, k in keys if pts[k]["invalid"] and pts[k][metric] is not None]
        if bad:
            ax.plot([a for a, _ in bad], [b for _, b in bad], "x", color="red", markersize=12, mew=2.5,
                    label=None if flagged else "invalid (errors / failed check)")
            flagged = True


def conc_plot(pts, workloads, metric, ylabel, fname, out, log=False):
    fig, axes = plt.subplots(1, len(workloads), figsize=(6 * len(workloads), 4.5), squeeze=False)
    for ax, wl in zip(axes[0], workloads):
        by_peer = {}
        for (peer, w, c) in sorted(pts, key=lambda k: k[2]):
            if w == wl:
                by_peer.setdefault(peer, []).append((c, (peer, w, c)))
        draw(ax, {p: by_peer[p] for p in PEERS if p in by_peer}, metric, pts)
        ax.set_xscale("log", base=2)
        concs = sorted({k[2] for k in pts})
        ax.set_xticks(concs)
        ax.set_xticklabels([str(c) for c in concs])
        if log:
            logy(ax)
        ax.set_xlabel("concurrent connections (wrk -c)")
        ax.set_ylabel(ylabel)
        ax.set_title(f"{wl}" + (f"  ({HOT_NOTE})" if wl == "hot" else ""), fontsize=9 if wl == "hot" else 11)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(out, fname), dpi=110)
    plt.close(fig)


def main(out):
    raw = os.path.join(out, "raw")
    run = {}
    if os.path.exists(os.path.join(raw, "run.txt")):
        for line in open(os.path.join(raw, "run.txt")):
            k, _, v = line.rstrip("\n").partition("=")
            run[k] = v
    conc_recs = []
    for f in glob.glob(os.path.join(raw, "conc-c*.jsonl")):
        conc_recs += load(f)
    size_recs = load(os.path.join(raw, "size.jsonl"))
    start_recs = [r for r in load(os.path.join(raw, "start.jsonl")) if r.get("kind") == "start"]
    soak_recs = load(os.path.join(raw, "soak.jsonl"))
    samples = {os.path.basename(f): load(f) for f in sorted(glob.glob(os.path.join(raw, "samples", "*.jsonl")))}

    cpu = re.search(r"^model name\s*:\s*(.*)$", open("/proc/cpuinfo").read(), re.M)
    md = ["# Scaling curves: mort-server, IPX, nginx", ""]
    w = md.append
    w(f"- command: `{run.get('command', '?')}`")
    w(f"- run: {run.get('started', '?')} – {run.get('finished', '?')} "
      f"({int(run.get('elapsed_s') or 0) // 60} min); this file written {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
    w(f"- machine: {os.cpu_count()} cores (nproc), {cpu.group(1) if cpu else '?'}; load average now "
      f"{open('/proc/loadavg').read().split()[0]}")
    w(f"- repository: {run.get('head', '?')}; mort-server {run.get('mort_bin', '?')}")
    w("- each point: one run-bench.sh measurement (fresh server, warm-up, then wrk; median of the repetitions); "
      "the per-run reports with versions, every repetition, *bg busy %* and exact commands are in "
      "[`raw/`](raw/) (`*.md`).  **invalid** = some repetition had HTTP errors, socket errors or a failed check "
      "(red cross in the plots).  The load generator shares the cores with the server.")
    w("")
    invalid = []

    # ---------------------------------------------------------- concurrency
    if conc_recs:
        pts = group(conc_recs, lambda r: (r["peer"], r["workload"], r["conc"]))
        wls = [x for x in ["cold", "hot"] if any(k[1] == x for k in pts)] + \
            sorted({k[1] for k in pts} - {"cold", "hot"})
        conc_plot(pts, wls, "rps", "requests / s", "reqs-vs-concurrency.png", out)
        conc_plot(pts, wls, "p99", "p99 latency, ms (log)", "p99-vs-concurrency.png", out, log=True)
        conc_plot(pts, wls, "rss", "peak RSS of the server, MiB", "rss-vs-concurrency.png", out)
        img = conc_recs[0].get("image")
        w(f"## Against concurrency ({img})")
        w("")
        w("![req/s](reqs-vs-concurrency.png)")
        w("![p99](p99-vs-concurrency.png)")
        w("![RSS](rss-vs-concurrency.png)")
        w("")
        w("| workload | peer | connections | req/s | p50 ms | p99 ms | peak RSS MiB | CPU ms/req | errors | reps | valid |")
        w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for k in sorted(pts, key=lambda k: (wls.index(k[1]), PEERS.index(k[0]) if k[0] in PEERS else 9, k[2])):
            p = pts[k]
            w(f"| {k[1]} | {k[0]} | {k[2]} | {fmt(p['rps'])} | {fmt(p['p50'])} | {fmt(p['p99'])} | {fmt(p['rss'])} "
              f"| {fmt(p['cpu'], 2)} | {p['errors']} | {p['reps']} | {'**invalid**' if p['invalid'] else 'ok'} |")
            if p["invalid"]:
                invalid.append(f"{k[1]} {k[0]} c={k[2]}: {p['invalid']}")
        w("")

    # ---------------------------------------------------------- image size
    if size_recs:
        pts = group(size_recs, lambda r: (r["peer"], r["image"]))
        fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
        for ax, metric, ylabel in [(axes[0], "cpu", "server CPU ms per image (log)"),
                                   (axes[1], "rps", "requests / s (log)")]:
            by_peer = {}
            for (peer, image) in sorted(pts, key=lambda k: mp(k[1]) or 0):
                by_peer.setdefault(peer, []).append((mp(image), (peer, image)))
            draw(ax, {p: by_peer[p] for p in PEERS if p in by_peer}, metric, pts)
            ax.set_xscale("log")
            logy(ax)
            mps = sorted({mp(k[1]) for k in pts if mp(k[1])})
            ax.set_xticks(mps)
            ax.set_xticklabels([f"{m:.1f}" if m < 1 else f"{m:.0f}" for m in mps])
            ax.minorticks_off()
            ax.set_xlabel("source image, megapixels")
            ax.set_ylabel(ylabel)
            ax.grid(True, which="both", alpha=0.3)
            ax.legend(fontsize=8)
        c = size_recs[0].get("conc")
        fig.suptitle(f"cold (a new transform per request, no cache), {c} connections")
        fig.tight_layout()
        fig.savefig(os.path.join(out, "size.png"), dpi=110)
        plt.close(fig)
        w(f"## Against image size (cold, {c} connections)")
        w("")
        w("![size](size.png)")
        w("")
        w("| image | MP | peer | req/s | CPU ms/image | p50 ms | p99 ms | peak RSS MiB | errors | reps | valid |")
        w("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for k in sorted(pts, key=lambda k: (mp(k[1]) or 0, PEERS.index(k[0]) if k[0] in PEERS else 9)):
            p = pts[k]
            w(f"| {k[1]} | {fmt(mp(k[1]))} | {k[0]} | {fmt(p['rps'])} | {fmt(p['cpu'], 2)} | {fmt(p['p50'])} "
              f"| {fmt(p['p99'])} | {fmt(p['rss'])} | {p['errors']} | {p['reps']} | "
              f"{'**invalid**' if p['invalid'] else 'ok'} |")
            if p["invalid"]:
                invalid.append(f"cold {k[0]} {k[1]}: {p['invalid']}")
        w("")

    # ---------------------------------------------------------- cold start
    if start_recs:
        fig, ax = plt.subplots(figsize=(6, 4))
        rs = sorted(start_recs, key=lambda r: PEERS.index(r["peer"]) if r["peer"] in PEERS else 9)
        for i, r in enumerate(rs):
            t = r.get("times_ms") or [0]
            m = median(t)
            ax.bar(i, m, color=COLOR.get(r["peer"]), yerr=[[m - min(t)], [max(t) - m]], capsize=6)
            ax.plot([i] * len(t), t, ".", color="black", alpha=0.6)
            if r.get("bad"):
                ax.plot(i, m, "x", color="red", markersize=14, mew=3)
        ax.set_xticks(range(len(rs)))
        ax.set_xticklabels([LABEL.get(r["peer"], r["peer"]) for r in rs])
        ax.set_ylabel("launch -> first 200, ms (median, min-max)")
        ax.set_title(f"cold start: first transform of {rs[0]['image']} (w{rs[0].get('width')})", fontsize=10)
        ax.grid(True, axis="y", alpha=0.3)
        fig.tight_layout()
        fig.savefig(os.path.join(out, "coldstart.png"), dpi=110)
        plt.close(fig)
        w("## Cold start (process launch to the first 200 on a transform URL)")
        w("")
        w("![cold start](coldstart.png)")
        w("")
        w("Fresh scratch dir each launch; the URL is polled with curl every 5 ms (resolution ~10 ms).")
        w("")
        w("| peer | image | launches | median ms | min ms | max ms | every launch ms | valid |")
        w("|---|---|---:|---:|---:|---:|---|---|")
        for r in rs:
            t = r.get("times_ms") or []
            w(f"| {r['peer']} | {r['image']} | {r.get('n')} | {fmt(median(t) if t else None)} | "
              f"{fmt(min(t) if t else None)} | {fmt(max(t) if t else None)} | {', '.join(f'{x:.0f}' for x in t)} | "
              f"{'**invalid**' if r.get('bad') else 'ok'} |")
            if r.get("bad"):
                invalid.append(f"start {r['peer']}: {r['bad']}")
        w("")

    # ---------------------------------------------------------- soak
    if soak_recs or samples:
        w("## Soak (mort-server)")
        w("")
        for name, ss in samples.items():
            ss = [s for s in ss if "rss_kb" in s]
            if not ss:
                continue
            png = "soak.png" if len(samples) == 1 else f"soak-{name.replace('.samples.jsonl', '')}.png"
            t = [s["t"] for s in ss]
            fig, (a1, a2) = plt.subplots(2, 1, figsize=(10, 6.5), sharex=True)
            a1.plot(t, [s["rss_kb"] / 1024 for s in ss], color="tab:blue", label="VmRSS")
            if any(s.get("cache_bytes") for s in ss):
                a1.plot(t, [s.get("cache_bytes", 0) / 2**20 for s in ss], color="tab:gray", label="response cache")
            if any("vips_memory_bytes" in s for s in ss):
                a1.plot(t, [s.get("vips_memory_bytes", 0) / 2**20 for s in ss], color="tab:purple",
                        label="libvips tracked memory")
            a1.set_ylim(bottom=0)
            a1.set_ylabel("MiB")
            a1.grid(True, alpha=0.3)
            a1.legend(fontsize=8)
            # the kinds that were ever live (admin: the /metrics scrape itself)
            kinds = sorted({k for s in ss for k, v in s.get("tasks_live", {}).items() if v and k != "admin"})
            for k in kinds:
                a2.step(t, [s.get("tasks_live", {}).get(k, 0) for s in ss], where="post", label=f"tasks_live {k}")
            if any("transforms_in_flight" in s for s in ss):
                a2.step(t, [s.get("transforms_in_flight", 0) for s in ss], where="post", color="black",
                        linestyle=":", label="transforms in flight")
            a2.set_ylim(bottom=0)
            a2.set_ylabel("count")
            a2.set_xlabel("seconds since the measured run started")
            a2.grid(True, alpha=0.3)
            a2.legend(fontsize=8, ncol=3)
            r0 = soak_recs[0] if soak_recs else {}
            bad = any(r.get("bad") for r in soak_recs)
            fig.suptitle(f"soak: {r0.get('workload', '?')} {r0.get('image', '?')}, {r0.get('conc', '?')} connections"
                         + ("  — INVALID: errors or failed check" if bad else ""), color="red" if bad else "black")
            fig.tight_layout()
            fig.savefig(os.path.join(out, png), dpi=110)
            plt.close(fig)
            w(f"![soak]({png})")
            w("")
            rss = [s["rss_kb"] / 1024 for s in ss]
            n = len(ss)
            w(f"Samples: {n} every ~{(t[-1] - t[0]) / max(n - 1, 1):.1f} s over {t[-1] - t[0]:.0f} s "
              f"(`raw/samples/{name}`).")
            w("")
            w("| | first | 25 % | 50 % | 75 % | last | max |")
            w("|---|---:|---:|---:|---:|---:|---:|")
            q = [ss[0], ss[n // 4], ss[n // 2], ss[3 * n // 4], ss[-1]]
            w("| t s | " + " | ".join(fmt(s["t"], 0) for s in q) + " | |")
            w("| VmRSS MiB | " + " | ".join(fmt(s["rss_kb"] / 1024) for s in q) + f" | {fmt(max(rss))} |")
            if any("cache_bytes" in s for s in ss):
                w("| cache MiB | " + " | ".join(fmt(s.get("cache_bytes", 0) / 2**20) for s in q) +
                  f" | {fmt(max(s.get('cache_bytes', 0) for s in ss) / 2**20)} |")
            w("| threads (OS) | " + " | ".join(str(s.get("threads", "–")) for s in q) +
              f" | {max(s.get('threads', 0) for s in ss)} |")
            for k in kinds:
                w(f"| tasks_live {k} | " + " | ".join(str(s.get("tasks_live", {}).get(k, "–")) for s in q) +
                  f" | {max(s.get('tasks_live', {}).get(k, 0) for s in ss)} |")
            errs = sum(1 for s in ss if "scrape_error" in s)
            w("")
            w("Task kinds never live in any sample are left out.")
            w("")
            if errs:
                w(f"{errs} of {n} /metrics scrapes failed (their task counts are missing).")
                w("")
        for r in soak_recs:
            if r.get("kind") != "http":
                continue
            w(f"Load: {fmt(r.get('rps'))} req/s, p50 {fmt(r.get('lat_p50_us', 0) / 1000)} ms, p99 "
              f"{fmt(r.get('lat_p99_us', 0) / 1000)} ms, {r.get('requests')} requests, {r.get('errors', '?')} errors, "
              f"check: {r.get('check')}; {'**invalid**: ' + r['bad'] if r.get('bad') else 'valid'}.")
            if r.get("bad"):
                invalid.append(f"soak: {r['bad']}")
        w("")

    w("## Invalid points")
    w("")
    w("\n".join(f"- {x}" for x in invalid) if invalid else "None.")
    w("")
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print(f"curves.py: wrote {out}/README.md, {len(invalid)} invalid point(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
