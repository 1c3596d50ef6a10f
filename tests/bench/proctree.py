#!/usr/bin/env python3
"""Memory and CPU of a process and all its descendants, from /proc.

    proctree.py watch PID OUT.json [INTERVAL_S]   sample until SIGTERM or PID exits
    proctree.py idle PID [MAX_S]                  return once the tree is idle
    proctree.py busy [SECONDS]                    print the machine's busy %

watch: every INTERVAL_S (default 0.1) it adds up VmRSS over the tree (nginx
master + workers, node, mort-server, ...); OUT.json.ready appears after the
first sample (start the load only then: a short ab run can otherwise end
before the first sample); at the end it writes OUT.json:
  peak_rss_kb     largest summed VmRSS seen
  cpu_s           user + system CPU seconds the tree used while watched
  host_busy_pct   whole-machine busy % over the same time (100 % = every core busy)
  host_steal_pct  whole-machine steal % (CPU taken by the hypervisor)
  samples         number of samples
idle: exit 0 once the tree used < 3 % of one core during 0.5 s, 1 after MAX_S
(default 120).  Servers keep working on requests a client left behind; the
bench waits for this after its warm-up.
busy: other tenants of a shared VM are invisible as processes but show up
in /proc/stat; measured with our server idle, it shows how loaded the box was.
"""
import json
import os
import signal
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def proc_stat(pid):
    """(ppid, utime + stime in ticks) or None if the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # the name may contain spaces
    return int(fields[1]), int(fields[11]) + int(fields[12])


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(root):
    """{pid: cpu ticks} for root and every descendant."""
    info = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = proc_stat(int(name))
            if st:
                info[int(name)] = st
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in info:
            found[pid] = info[pid][1]
            todo.extend(p for p, (ppid, _) in info.items() if ppid == pid)
    return found


def machine():
    """(total, idle, steal) jiffies from the first line of /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    return sum(v), v[3] + v[4], v[7]


def pct(a, b, index):
    total = max(1, b[0] - a[0])
    if index == 1:
        return 100.0 * (total - (b[1] - a[1])) / total
    return 100.0 * (b[index] - a[index]) / total


def watch(pid, out, interval):
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(1))
    first, last, peak, samples = {}, {}, 0, 0
    m0 = machine()
    while True:
        procs = tree(pid)
        if pid not in procs:
            break
        for p, ticks in procs.items():
            first.setdefault(p, ticks)
            last[p] = ticks
        peak = max(peak, sum(rss_kb(p) for p in procs))
        samples += 1
        if samples == 1:
            open(out + ".ready", "w").close()  # the caller may start the load now
        if stopping:
            break
        time.sleep(interval)
    m1 = machine()
    result = {
        "peak_rss_kb": peak,
        "cpu_s": round(sum(last[p] - first[p] for p in last) / TICK, 3),
        "host_busy_pct": round(pct(m0, m1, 1), 1),
        "host_steal_pct": round(pct(m0, m1, 2), 1),
        "samples": samples,
    }
    with open(out, "w") as f:
        json.dump(result, f)


def idle(pid, max_s):
    t0 = time.time()
    before = sum(tree(pid).values())
    while time.time() - t0 < max_s:
        time.sleep(0.5)
        procs = tree(pid)
        if pid not in procs:
            return 2
        now = sum(procs.values())
        if (now - before) / TICK < 0.03 * 0.5:
            print(f"idle after {time.time() - t0:.1f} s")
            return 0
        before = now
    print(f"still busy after {max_s:.0f} s")
    return 1


def main(argv):
    if len(argv) >= 3 and argv[0] == "watch":
        watch(int(argv[1]), argv[2], float(argv[3]) if len(argv) > 3 else 0.1)
        return 0
    if len(argv) >= 2 and argv[0] == "idle":
        return idle(int(argv[1]), float(argv[2]) if len(argv) > 2 else 120)
    if argv and argv[0] == "busy":
        m0 = machine()
        time.sleep(float(argv[1]) if len(argv) > 1 else 1.0)
        print(f"{pct(m0, machine(), 1):.1f}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
