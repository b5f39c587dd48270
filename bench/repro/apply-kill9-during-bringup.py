#!/usr/bin/env python3
"""Reproduction (found while benchmarking, issue 6): kill -9 of `procrust apply` while it brings
services up, then a new apply: the service being spawned at the kill runs twice.

    /usr/bin/python3 bench/repro/apply-kill9-during-bringup.py [TRIALS]   # after ./mvnw package

Each trial starts apply on 100 `sleep` loops, kills it with SIGKILL at a random moment of the
bring-up, starts it again, and counts, per service, the leaders found in /proc (by a marker in the
command line). Expected: 0 duplicates (SPEC section 1, "adopts them again, starting no duplicates").
Seen with apply at c529b70 (before the gated spawn of a7e551b): 1 duplicate in almost every trial, the
service spawned last. Reconciler.start() spawned, and the record with its pid reached state.json only
at the end of the step, after LinuxLauncher's wait for setsid, the log line and the write + fsync +
rename of the whole state; a kill in between left a live process that no record named, and the next
apply started it again. Since a7e551b the command runs only once its pid is in the state file: 0 in
every trial. Kept as a check. Every process started is ended by process group, also on failure.
"""
import os
import random
import signal
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "compare"))
from measure import sweep  # noqa: E402
from procscan import ServiceScan, become_subreaper, reap_orphans  # noqa: E402
from tools import Procrust  # noqa: E402


def main():
    import tempfile
    repo = os.path.abspath(os.path.join(here, "..", ".."))
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    become_subreaper()
    work = tempfile.mkdtemp(prefix="procrust-repro.")
    total = 0
    for trial in range(trials):
        t = Procrust(repo, os.path.join(work, f"t{trial}"), 100, f"pcb-repro{os.getpid()}t{trial}-", dict(os.environ))
        t.write_config()
        scan = ServiceScan(t.prefix)
        try:
            t.launch(0)
            end = time.time() + 120
            while len(scan.scan()) < 5 and time.time() < end:
                time.sleep(0.005)
            time.sleep(random.uniform(0, 0.5))
            os.kill(t.proc.pid, signal.SIGKILL)
            t.proc.wait()
            at_kill = len(scan.scan())
            t.launch(1)
            end = time.time() + 120
            while len(scan.scan()) < 100 and time.time() < end:
                time.sleep(0.05)
            time.sleep(3)
            found = scan.scan()
            dups = {m.rsplit("-", 1)[-1]: p for m, p in found.items() if len(p) > 1}
            total += len(dups)
            print(f"trial {trial + 1}: {at_kill} services up at the kill; after the new apply {len(found)} ids, "
                  f"{len(dups)} running twice {dups or ''}", flush=True)
        finally:
            if t.proc is not None and t.proc.poll() is None:
                t.proc.terminate()
                t.proc.wait()
            sweep(scan)
            reap_orphans()
    print(f"{total} duplicate(s) in {trials} trial(s); logs and state in {work}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
