#!/usr/bin/env python3
"""Markdown report for tests/bench/soak.sh.

    soak_report.py SCRATCH_DIR OUT.md AB_N AB_C

Reads SCRATCH_DIR/kv.txt (scalars recorded by soak.sh), samples.jsonl
(soak_sampler.py), the ab outputs / -g TSVs and wrk.txt.  Acceptance bars
(issue "Soak benchmark tests/bench/"): after 10,000 requests at c=100, peak RSS
< 200 MB; RSS after the run (2 s idle) <= RSS after warm-up + configured
cache size + 40 MB; every task kind back to idle.  MB = 10^6 bytes.
"""
import glob
import json
import os
import re
import sys
import time
from statistics import median

S, out_path, ab_n, ab_c = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
kv = {}
for line in open(os.path.join(S, "kv.txt")):
    k, _, v = line.rstrip("\n").partition("=")
    kv[k] = v
samples = [json.loads(l) for l in open(os.path.join(S, "samples.jsonl")) if l.strip()]
MB = 1e6
MiB = 1048576.0


def kb(k):
    return float(kv[k]) * 1024 if k in kv and kv[k] not in ("", None) else None


def mib(b):
    return "–" if b is None else f"{b / MiB:.1f} MiB ({b / MB:.1f} MB)"


def phase_samples(*names):
    return [s for s in samples if s.get("phase") in names]


def peak(ss, key="rss_kb"):
    vals = [s[key] for s in ss if key in s]
    return max(vals) * 1024 if vals else None


def pct(vals, p):
    if not vals:
        return None
    vals = sorted(vals)
    i = min(len(vals) - 1, max(0, int(round(p / 100.0 * len(vals) + 0.5)) - 1))
    return vals[i]


def ab_parse(path):
    t = open(path, errors="replace").read()
    g = lambda pat: (float(m.group(1)) if (m := re.search(pat, t, re.M)) else 0.0)
    return {"complete": int(g(r"^Complete requests:\s+(\d+)")), "failed": int(g(r"^Failed requests:\s+(\d+)")),
            "non2xx": int(g(r"^Non-2xx responses:\s+(\d+)")), "time_s": g(r"^Time taken for tests:\s+([\d.]+)"),
            "rps": g(r"^Requests per second:\s+([\d.]+)"),
            "p50": g(r"^\s+50%\s+(\d+)"), "p99": g(r"^\s+99%\s+(\d+)"), "max": g(r"^\s+100%\s+(\d+)"),
            "bytes": int(g(r"^Total transferred:\s+(\d+)")), "text": t}


def tsv_ttimes(paths):
    vals = []
    for p in paths:
        for i, line in enumerate(open(p, errors="replace")):
            if i == 0:
                continue
            f = line.split("\t")
            if len(f) >= 5:
                try:
                    vals.append(float(f[4]))
                except ValueError:
                    pass
    return vals


def verdict(ok):
    return "**PASS**" if ok else "**FAIL**"


out = []
w = out.append
w("# mort-server soak test")
w("")
w(f"- date: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
w(f"- raw data: `{S}` (samples.jsonl = 100 ms samples; ab/wrk outputs; mort.log)")
w(f"- server: {kv.get('mort_bin', 'build/release/app/mort-server')}, config rendered from tests/bench/mort-config.yml.in with cache=on: "
  f"response cache `memory`, cacheSize {int(kv.get('cache_bytes_configured', 0))} B, result storage local-meta, "
  f"header rule `cache-control: max-age=86400, public` on 200; concurrentImageProcessing 16, requestTimeout 60")
w(f"- machine busy % (1 s, server idle, before the warm-up; other tenants of the shared VM): {kv.get('bg_busy_pct', '?')}")
w(f"- samples: {len(samples)} ({sum(1 for s in samples if 'scrape_error' in s)} failed /metrics scrapes)")
w("")

# ---------------------------------------------------------------- mix (the acceptance run)
mix_files = sorted(glob.glob(os.path.join(S, "ab.mix.*.txt")))
mix = [ab_parse(p) for p in mix_files]
mix_complete = sum(a["complete"] for a in mix)
mix_failed = sum(a["failed"] for a in mix)
mix_non2xx = sum(a["non2xx"] for a in mix)
mix_wall = float(kv.get("mix_wall_s", "0") or 0)
tt = tsv_ttimes(sorted(glob.glob(os.path.join(S, "ab.mix.*.tsv"))))
rss_warm = kb("rss_warm_kb")
rss_after = kb("mix_rss_after_kb")
peak_mix = peak(phase_samples("mix"))
peak_mix_settle = peak(phase_samples("mix", "mix-settle"))
peak_all = peak(samples)
cache_cfg = float(kv.get("cache_bytes_configured", 0))
tasks_after = open(os.path.join(S, "mix.tasks.txt")).read().strip() if os.path.exists(os.path.join(S, "mix.tasks.txt")) else "?"
not_idle = kv.get("mix_not_idle")
bar_rss_after = (rss_warm + cache_cfg + 40 * MB) if rss_warm is not None else None
cache_peak = max((s.get("cache_bytes", 0) for s in samples), default=0)
waiters_peak = max((s.get("collapse_waiters", 0) for s in samples), default=0)
tasks_peak = {}
for s in samples:
    for k, v in (s.get("tasks_live") or {}).items():
        tasks_peak[k] = max(tasks_peak.get(k, 0), v)

w("## Acceptance (the mix run: 10,000 requests at c=100)")
w("")
w(f"Load: {kv.get('mix_cmd', '?')}; URLs: " + ", ".join(f"`{u.strip()}`" for u in open(os.path.join(S, 'mix-urls.txt'))))
w("")
w("| bar | measured | result |")
w("|---|---|---|")
w(f"| peak RSS < 200 MB (100 ms samples, during the run) | {mib(peak_mix)} (incl. the 2 s after: {mib(peak_mix_settle)}) | "
  f"{verdict(peak_mix is not None and peak_mix < 200 * MB)} |")
w(f"| RSS after the run (2 s idle) ≤ RSS after warm-up + cacheSize + 40 MB | {mib(rss_after)} ≤ {mib(rss_warm)} + "
  f"{cache_cfg / MiB:.0f} MiB + 40 MB = {mib(bar_rss_after)} | "
  f"{verdict(rss_after is not None and bar_rss_after is not None and rss_after <= bar_rss_after)} |")
w(f"| every task kind back to idle | {'NOT idle after 30 s: ' + not_idle if not_idle else 'idle ' + kv.get('mix_idle_s', '?') + ' s after the last response'}; "
  f"tasks live then: `{tasks_after}` (admin=1 is the /metrics scrape itself) | {verdict(not not_idle)} |")
w(f"| no errors | {mix_complete} complete, {mix_failed} failed, {mix_non2xx} non-2xx | "
  f"{verdict(mix_complete == ab_n and mix_failed == 0 and mix_non2xx == 0)} |")
w("")
w(f"- throughput: {mix_complete / mix_wall if mix_wall else 0:.0f} req/s over {mix_wall:.1f} s (all 10 ab processes; "
  f"per process: " + ", ".join(f"{a['rps']:.0f}" for a in mix) + " req/s)")
w(f"- latency (ab, connect + whole response, {len(tt)} requests merged): p50 {pct(tt, 50)} ms, p99 {pct(tt, 99)} ms, "
  f"max {max(tt) if tt else '–'} ms")
w(f"- RSS: at start {mib(kb('rss_start_kb'))}, after warm-up {mib(rss_warm)}, peak in the run {mib(peak_mix)}, "
  f"after the run {mib(rss_after)}")
w("")

# ---------------------------------------------------------------- every phase
w("## Every phase")
w("")
w("RSS after = VmRSS after the phase, once every task kind was idle plus 2 s.  Peak = max of 100 ms samples "
  "within the phase.  Transforms / cache = deltas of mort_transforms_total and end values of mort_cache_bytes.")
w("")
w("Non-2xx are the server's answers other than 2xx; *503 throttled* = mort_request_throttled_count delta "
  "(transforms beyond concurrentImageProcessing answered 503 + Retry-After, Mort's load shedding).")
w("")
w("| phase | load | requests ok / failed / non-2xx (503 throttled) | req/s | p50 / p99 ms | peak RSS | RSS after | transforms | cache bytes at end | idle after |")
w("|---|---|---|---:|---|---:|---:|---:|---:|---:|")


def tdelta(names):
    # from the last sample before the phase (a short phase may be over before its first sample)
    idx = [i for i, s in enumerate(samples) if s.get("phase") in names and "transforms_total" in s]
    if not idx:
        return None
    prev = [s for s in samples[:idx[0]] if "transforms_total" in s]
    first = prev[-1] if prev else samples[idx[0]]
    return int(samples[idx[-1]]["transforms_total"] - first["transforms_total"])


def cache_end(names):
    ss = [s for s in samples if s.get("phase") in names and "cache_bytes" in s]
    return int(ss[-1]["cache_bytes"]) if ss else None


def counter(phase, name):
    p = os.path.join(S, f"{phase}.metrics.txt")
    if not os.path.exists(p):
        return None
    for line in open(p, errors="replace"):
        if line.startswith(name + " "):
            return float(line.split()[1])
    return None


PHASES = ["warmup", "mix", "ab1", "wrk", "collapse-ab", "big"]
throttled = {}
for i, ph in enumerate(PHASES):
    a, b = counter(ph, "mort_request_throttled_count"), (counter(PHASES[i - 1], "mort_request_throttled_count") if i else 0.0)
    throttled[ph] = None if a is None or b is None else int(a - b)

wu = [ab_parse(p) for p in sorted(glob.glob(os.path.join(S, "ab.warmup.*.txt")))]
w(f"| warmup | 4 × ab -n 400 -c 25 + 12 presets on small files | {sum(a['complete'] for a in wu)} / "
  f"{sum(a['failed'] for a in wu)} / {sum(a['non2xx'] for a in wu)} ({throttled['warmup']}) | – | – | {mib(peak(phase_samples('warmup')))} | "
  f"{mib(rss_warm)} | {tdelta(['start', 'warmup'])} | {cache_end(['warmup'])} | {kv.get('warmup_idle_s', '?')} s |")
w(f"| mix | 10 × ab -n {ab_n // 10} -c {ab_c // 10} | {mix_complete} / {mix_failed} / {mix_non2xx} ({throttled['mix']}) | "
  f"{mix_complete / mix_wall if mix_wall else 0:.0f} | {pct(tt, 50)} / {pct(tt, 99)} | {mib(peak_mix)} | {mib(rss_after)} | "
  f"{tdelta(['mix', 'mix-settle'])} | {cache_end(['mix', 'mix-settle'])} | {kv.get('mix_idle_s', '?')} s |")
if os.path.exists(os.path.join(S, "ab.ab1.txt")):
    a = ab_parse(os.path.join(S, "ab.ab1.txt"))
    t1 = tsv_ttimes([os.path.join(S, "ab.ab1.tsv")]) if os.path.exists(os.path.join(S, "ab.ab1.tsv")) else []
    w(f"| ab1 | `{kv.get('ab1_cmd', '?')}` | {a['complete']} / {a['failed']} / {a['non2xx']} ({throttled['ab1']}) | {a['rps']:.0f} | "
      f"{a['p50']:.0f} / {a['p99']:.0f} | {mib(peak(phase_samples('ab1')))} | {mib(kb('ab1_rss_after_kb'))} | "
      f"{tdelta(['ab1', 'ab1-settle'])} | {cache_end(['ab1', 'ab1-settle'])} | {kv.get('ab1_idle_s', '?')} s |")
wrk = {}
if os.path.exists(os.path.join(S, "wrk.txt")):
    for line in open(os.path.join(S, "wrk.txt"), errors="replace"):
        if line.startswith("SOAKJSON "):
            wrk = json.loads(line[9:])
if wrk:
    errs = wrk["err_connect"] + wrk["err_read"] + wrk["err_write"] + wrk["err_timeout"]
    w(f"| wrk | wrk -t2 -c100 on the mix, every 5th request a query resize to one of 600 widths | {wrk['requests']} / {errs} / "
      f"{wrk['err_status']} ({throttled['wrk']}) | {wrk['requests'] / (wrk['duration_us'] / 1e6):.0f} | "
      f"{wrk['lat_p50_us'] / 1000:.1f} / {wrk['lat_p99_us'] / 1000:.1f} | {mib(peak(phase_samples('wrk')))} | "
      f"{mib(kb('wrk_rss_after_kb'))} | {tdelta(['wrk', 'wrk-settle'])} | {cache_end(['wrk', 'wrk-settle'])} | "
      f"{kv.get('wrk_idle_s', '?')} s |")
if os.path.exists(os.path.join(S, "curl.collapse.txt")):
    cc = [l.split() for l in open(os.path.join(S, "curl.collapse.txt")) if l.strip()]
    ok = sum(1 for c in cc if c[0] == "200")
    ts = sorted(float(c[1]) * 1000 for c in cc if len(c) > 1)
    w(f"| collapse | 100 × curl, one cold URL (24 MP source), then ab -n 100 -c 100 on another | {ok} / "
      f"{len(cc) - ok} / – ({throttled['collapse-ab']}, both) | – | {pct(ts, 50):.0f} / {pct(ts, 99):.0f} (curl) | "
      f"{mib(peak(phase_samples('collapse')))} | – | {tdelta(['collapse'])} | {cache_end(['collapse'])} | "
      f"{kv.get('collapse_idle_s', '?')} s |")
w(f"| big | curl of the {os.path.basename('big-object.bin')} original | {kv.get('big_curl', '?')} | – | – | "
  f"{mib(peak(phase_samples('big')))} | {mib(kb('big_rss_after_kb'))} | – | – | {kv.get('big_idle_s', '?')} s |")
w("")
w(f"Whole soak: peak RSS {mib(peak_all)}; peak mort_cache_bytes {cache_peak / MiB:.1f} MiB of "
  f"{cache_cfg / MiB:.0f} MiB; peak mort_collapse_waiters {int(waiters_peak)}; peak live tasks by kind: "
  + ", ".join(f"{k}={v}" for k, v in sorted(tasks_peak.items()) if v) + ".")
w("")

# ---------------------------------------------------------------- collapse + big
tb, ta = float(kv.get("collapse_transforms_before", "nan")), float(kv.get("collapse_transforms_after", "nan"))
cb, ca = float(kv.get("collapse_collapsed_before", "nan")), float(kv.get("collapse_collapsed_after", "nan"))
hb, ha = float(kv.get("collapse_hits_before", "nan")), float(kv.get("collapse_hits_after", "nan"))
cw = max((s.get("collapse_waiters", 0) for s in phase_samples("collapse")), default=0)
w("## 100 concurrent identical cold requests → exactly one transform")
w("")
w(f"`{kv.get('collapse_cmd', '?')}` (a never-requested transform of the 24 MP photo): mort_transforms_total "
  f"{tb:.0f} → {ta:.0f} (**{ta - tb:.0f}** transform); mort_request_collapsed_count +{ca - cb:.0f} (requests that "
  f"waited for that transform; peak mort_collapse_waiters in a 100 ms sample: {int(cw)}); response-cache hits "
  f"+{ha - hb:.0f} (requests that arrived after it was cached).  Result: {verdict(ta - tb == 1)}")
w("")
if "collapse_ab_transforms_after" in kv:
    f2 = lambda k: float(kv.get(k, "nan"))
    a = ab_parse(os.path.join(S, "ab.collapse.txt"))
    w(f"Same check with `{kv.get('collapse_ab_cmd', '?')}`: transforms +{f2('collapse_ab_transforms_after') - f2('collapse_ab_transforms_before'):.0f}, "
      f"collapsed +{f2('collapse_ab_collapsed_after') - f2('collapse_ab_collapsed_before'):.0f}, cache hits "
      f"+{f2('collapse_ab_hits_after') - f2('collapse_ab_hits_before'):.0f}; ab: {a['complete']} complete, {a['failed']} failed, "
      f"{a['non2xx']} non-2xx, p50 {a['p50']:.0f} ms, p99 {a['p99']:.0f} ms, {a['time_s']:.2f} s in all.")
    w("")
before = kb("big_rss_before_kb")
pk = peak(phase_samples("big"))
w("## 1 GiB original downloaded")
w("")
w(f"`{kv.get('big_cmd', '?')}` → {kv.get('big_curl', '?')}.  RSS before {mib(before)}, peak during the download "
  f"{mib(pk)} (**+{(pk - before) / MiB if pk and before else float('nan'):.0f} MiB**), after (idle + 2 s) "
  f"{mib(kb('big_rss_after_kb'))}.  Bar: growth < 64 MB → "
  f"{verdict(pk is not None and before is not None and pk - before < 64 * MB)}")
w("")
w(f"Shutdown: SIGTERM → exit status {kv.get('mort_exit_status', '?')} after {kv.get('stop_s', '?')} s"
  + (f" ({kv['stop']})" if "stop" in kv else "") + ".")
w("")
open(out_path, "w").write("\n".join(out) + "\n")
print(f"wrote {out_path}")
