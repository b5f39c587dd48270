"""procrust vs supervisord on the same workload, pair by pair (procrust, supervisord, procrust, ...).

Run through bench/supervisor-compare.sh, which installs supervisor and builds procrust first.
Each repetition runs, for each size (10 and 100 services), a procrust session then a supervisord
session; a session is: bring-up, an idle window (RSS, CPU), kill -9 of services (restart
latency), and with 100 services kill -9 of the supervisor itself (services kept, duplicates,
time to status all RUNNING, then RSS and CPU after the restart). Results: JSON and a Markdown table.
"""
import argparse
import datetime
import json
import os
import platform
import signal
import subprocess
import sys
import time
import traceback

import report
from measure import Session, sweep
from procscan import ServiceScan, become_subreaper, reap_orphans
from tools import TOOLS


def main():
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--repo", required=True)
    a.add_argument("--workdir", required=True, help="an empty private temporary folder")
    a.add_argument("--out", required=True, help="folder for results JSON and table")
    a.add_argument("--reps", type=int, default=5)
    a.add_argument("--sizes", default="10,100")
    a.add_argument("--window", type=float, default=60, help="idle window for CPU time (s)")
    a.add_argument("--after-window", type=float, default=30, help="CPU window after the supervisor restart (s)")
    a.add_argument("--settle", type=float, default=10, help="pause before each CPU window (s)")
    a.add_argument("--kills", type=int, default=4,
                   help="service kills per session (x reps = kills per tool and size); supervisord's restart "
                        "waits for its 1 s tick, so its latency is spread over 0-1 s and its median needs many kills")
    a.add_argument("--tools", default="procrust,supervisord", help="order within a pair")
    a.add_argument("--cleanup", action="store_true", help="only end what a previous run left in --workdir")
    args = a.parse_args()
    run_id = os.path.basename(os.path.normpath(args.workdir)).replace(".", "")[-8:]
    prefix = f"pcb-{run_id}-"
    if args.cleanup:
        sweep(ServiceScan(prefix))
        return 0
    become_subreaper()
    stop = {"sig": None}

    def on_signal(signum, _frame):
        stop["sig"] = signum
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    env = dict(os.environ)
    env.pop("PROCRUST_CONFIG", None)
    env.pop("PROCRUST_STATE_DIR", None)
    os.makedirs(args.out, exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out_json = os.path.join(args.out, f"supervisor-compare-{stamp}.json")
    out_md = os.path.join(args.out, f"supervisor-compare-{stamp}.md")
    doc = {"started": stamp, "machine": machine(), "args": vars(args), "sessions": []}
    sizes = [int(x) for x in args.sizes.split(",")]
    tools = args.tools.split(",")

    def log(msg):
        print(msg, flush=True)

    live = []
    try:
        for rep in range(args.reps):
            for n in sizes:
                for name in tools:
                    sdir = os.path.join(args.workdir, f"r{rep}-{n}-{TOOLS[name].key}")
                    tool = TOOLS[name](args.repo, sdir, n, f"{prefix}{TOOLS[name].key}{rep}x{n}-", env)
                    s = Session(tool, log)
                    live.append(s)
                    log(f"rep {rep + 1}/{args.reps}, {n} services, {name} (load {s.result['load_at_start']:.2f})")
                    try:
                        run_session(s, args, rep, n)
                        s.result["ok"] = True
                    except KeyboardInterrupt:
                        raise
                    except Exception as e:  # a session that failed is reported, the run goes on
                        s.result["ok"] = False
                        s.result["error"] = str(e)
                        log(f"  FAILED: {e}")
                        traceback.print_exc()
                    finally:
                        s.teardown()
                        live.remove(s)
                    s.result["rep"] = rep
                    doc["sessions"].append(s.result)
                    log("  " + ", ".join(f"{k}={_short(v)}" for k, v in s.result.items()
                                         if not k.endswith("phases_ms") and k not in ("tool", "n", "rep")))
                    save(doc, out_json)
    except KeyboardInterrupt:
        log(f"interrupted ({'signal ' + str(stop['sig']) if stop['sig'] else 'Ctrl-C'}): cleaning up")
        return 130
    finally:
        for s in live:
            s.teardown()
        sweep(ServiceScan(prefix))
        reap_orphans()
        doc["finished"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        doc["machine"]["load_at_end"] = open("/proc/loadavg").read().split()[:3]
        save(doc, out_json)
        md = render(doc)
        with open(out_md, "w") as f:
            f.write(md)
        print("\n" + md)
        print(f"\nresults: {out_json}\ntable:   {out_md}")
    return 0


def run_session(s, args, rep, n):
    s.bring_up()
    s.footprint(args.settle, args.window, "idle")
    s.restarts(args.kills, rep * args.kills)
    if n == 100:  # the supervisor's own death is measured at 100 (1,000 duplicates of supervisord's load the host)
        s.supervisor_death()
        if args.after_window > 0:
            s.footprint(5, args.after_window, "after")
        s.restarts(args.kills, 50 + rep * args.kills, "restart_after_ms")


def machine():
    def sh(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip() or \
                subprocess.run(cmd, capture_output=True, text=True, timeout=30).stderr.strip()
        except OSError as e:
            return str(e)
    return {"nproc": os.cpu_count(), "free": sh(["free", "-h"]), "kernel": platform.release(),
            "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip(),
            "supervisord": sh(["supervisord", "--version"]), "python": sys.version.split()[0],
            "cpu": _cpu_model(), "load_at_start": open("/proc/loadavg").read().split()[:3],
            "procrust_commit": sh(["git", "-C", os.path.dirname(__file__), "rev-parse", "--short", "HEAD"])}


def _cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def render(doc):
    m = doc["machine"]
    ok = [r for r in doc["sessions"] if r.get("ok")]
    failed = [r for r in doc["sessions"] if not r.get("ok")]
    head = [f"procrust vs supervisord, {doc['started']} to {doc.get('finished', '?')}",
            f"machine: {m['nproc']} cpus ({m['cpu']}), kernel {m['kernel']}, supervisord {m['supervisord']}, "
            f"python {m['python']}, procrust {m['procrust_commit']}",
            f"java: {m['java'].splitlines()[0] if m['java'] else '?'}",
            f"load average (1, 5, 15 min) at start {' '.join(m['load_at_start'])}, at end "
            f"{' '.join(m.get('load_at_end', []))}; per session: "
            + " ".join(f"{r['load_at_start']:.1f}" for r in doc["sessions"]),
            f"sessions: {len(ok)} ok, {len(failed)} failed"
            + "".join(f"\n  failed: {r['tool']} x{r['n']} rep {r.get('rep')}: {r.get('error')}" for r in failed),
            "", "free -h:", m["free"], ""]
    return "\n".join(head) + "\n" + report.table(ok) + "\n\n" + report.phases(ok) + "\n"


def save(doc, path):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1)
    os.replace(tmp, path)


def _short(v):
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, list):
        return "[" + ",".join(f"{x:.0f}" for x in v) + "]"
    return str(v)


if __name__ == "__main__":
    sys.exit(main())
