"""One session: a supervisor with n services, measured in turn (bring-up, idle footprint, kill -9 of
services, kill -9 of the supervisor itself), then torn down. Every process it starts is found again
by pid or by its marker and ended by pid/process group, whatever happens."""
import os
import random
import signal
import time

from procscan import ServiceScan, alive, cpu_ns, cpu_seconds, read_stat, reap_orphans, rss_kib, threads

POLL = 0.010  # the /proc poll of the issue: 10 ms


def _loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


class Session:
    def __init__(self, tool, log):
        self.tool = tool
        self.log = log
        self.scan = ServiceScan(tool.prefix)
        self.pid = None
        self.result = {"tool": tool.name, "n": tool.n, "load_at_start": _loadavg()}
        # (pgid, cwd) of each service leader killed with SIGKILL: the rest of its group (the leader's
        # `sleep`) outlives it under supervisord, which restarts the program in a new group and leaves
        # the old one; teardown ends those too
        self.killed = []

    # ---- bring-up --------------------------------------------------------------------------------

    def bring_up(self):
        """Launch to all n services spawned (/proc), and to all RUNNING by the tool's own log
        (procrust: `started ... RUNNING`; supervisord: `success: ... entered RUNNING state`)."""
        t = self.tool
        t.write_config()
        wall, mono = time.time(), time.monotonic()
        self.pid = t.launch(0)
        limit = max(120, t.n * 0.3)  # 1,000 services one at a time on a loaded 2-core host: minutes
        spawned = self._until(lambda: len(self.scan.scan()) >= t.n, limit, "all services spawned")
        self.result["bringup_spawned_s"] = spawned - mono
        running = self._until(lambda: len(t.running_times(wall)) >= t.n, limit, "all services RUNNING in the log",
                              step=0.05)
        times = t.running_times(wall)
        self.result["bringup_running_s"] = max(times.values()) - wall
        self.result["bringup_running_seen_s"] = running - mono
        if hasattr(t, "ready_time") and t.ready_time():
            self.result["startup_s"] = t.ready_time() - wall
        self._until(lambda: t.status()[0], 60, "status showing all RUNNING", step=0.2)

    # ---- footprint -------------------------------------------------------------------------------

    def footprint(self, settle, window, label="idle"):
        """RSS of the supervisor at the end of a quiet window, and its CPU time during it."""
        time.sleep(settle)
        c0, n0, t0 = cpu_seconds(self.pid), cpu_ns(self.pid), time.monotonic()
        time.sleep(window)
        c1, n1, t1 = cpu_seconds(self.pid), cpu_ns(self.pid), time.monotonic()
        self.result[f"{label}_rss_mib"] = rss_kib(self.pid) / 1024
        self.result[f"{label}_threads"] = threads(self.pid)
        self.result[f"{label}_cpu_s"] = c1 - c0  # ticks of /proc/PID/stat
        # the verdict uses the ticks: they count every thread the process had; the schedstat sum
        # (finer) counts live threads only, so a thread that ends in the window (a JIT compiler
        # thread the JVM retires, say) takes its time with it and can make the difference negative
        self.result[f"{label}_cpu_ticks_pct"] = 100 * (c1 - c0) / (t1 - t0)
        self.result[f"{label}_cpu_pct"] = 100 * (n1 - n0) / 1e9 / (t1 - t0)  # schedstat, ns
        self.result[f"{label}_window_s"] = t1 - t0

    # ---- kill -9 of services ---------------------------------------------------------------------

    def restarts(self, kills, first, key="restart_ms"):
        """kill -9 of a service's leader to a new leader of that service existing (polled every
        10 ms). A different service each time, so no failure counter or back-off builds up. After
        supervisord's restart a service has two leaders (the orphan and its duplicate): the one
        killed is the supervisor's child."""
        out, phases = [], []
        for k in range(kills):
            i = (first + k) % self.tool.n + 1
            m = self.tool.marker(i)
            before = self.scan.scan(only=m).get(m, [])
            mine = [p for p in before if len(before) == 1 or _ppid(p) == self.pid]
            if len(mine) != 1:
                raise RuntimeError(f"{m}: expected one leader to kill, found {before}")
            old = mine[0]
            try:
                self.killed.append((os.getpgid(old), os.readlink(f"/proc/{old}/cwd")))
            except OSError:
                pass
            wall, t0 = time.time(), time.monotonic()
            os.kill(old, signal.SIGKILL)

            def new_leader():
                return [p for p in self.scan.scan(only=m).get(m, []) if p not in before]
            t1 = self._until(new_leader, 30, f"a new leader of {m}", step=POLL)
            out.append((t1 - t0) * 1000)
            # a random pause, so kills do not fall in step with a supervisor's periodic loop
            # (supervisord's 1 s tick, procrust's 2 s look at adopted processes)
            time.sleep(random.uniform(1.0, 3.0))
            ph = self._phases(f"s{i:03d}", wall)
            phases.append(ph)
            self.log(f"    kill -9 {m} (pid {old}): new pid after {out[-1]:.0f} ms"
                     + (" (" + ", ".join(f"{k} +{v:.0f}" for k, v in ph.items()) + " ms)" if ph else ""))
        self.result[key] = out
        if any(phases):
            self.result[key.replace("_ms", "_phases_ms")] = phases

    def _phases(self, service, wall):
        """procrust only: when, after the kill, its log saw each step of the restart (ms)."""
        if not hasattr(self.tool, "timeline"):
            return {}
        out = {}
        for t, kind in self.tool.timeline(service, wall - 0.001):
            out.setdefault(kind, (t - wall) * 1000)
        return out

    # ---- kill -9 of the supervisor ---------------------------------------------------------------

    def supervisor_death(self):
        """kill -9 the supervisor, start it again at once: services kept, duplicates, time until its
        status shows all RUNNING (procrust: also served by the new apply), procrust's adoptions."""
        t = self.tool
        before = {m: pids[0] for m, pids in self.scan.scan().items()}
        os.kill(self.pid, signal.SIGKILL)
        t.proc.wait()
        reap_orphans()
        wall, mono = time.time(), time.monotonic()
        self.pid = t.launch(1)
        last = [0.0]

        def all_running():
            s = time.monotonic()
            ok = t.status()[0]
            last[0] = time.monotonic() - s
            return ok
        if hasattr(t, "events"):
            # procrust: adoption first, from its log (read every 10 ms, which costs the machine next
            # to nothing); status only afterwards. Running `procrust status` (a JVM each time)
            # back to back from the relaunch on would put a second JVM start-up on the 2 cores
            # beside the apply that is starting, and time the measuring tool as much as procrust.
            try:
                self._until(lambda: len(t.events("adopted")) >= t.n, 30, "every service adopted", step=0.01)
            except RuntimeError as e:
                self.log(f"  {e}")
            adopted = t.events("adopted")
            self.result["death_adopted"] = len(adopted)
            if adopted:
                self.result["death_adopted_s"] = max(adopted.values()) - wall
        seen = self._until(all_running, 120, "status showing all RUNNING after the restart", step=0)
        self.result["death_status_s"] = seen - mono
        self.result["death_status_call_s"] = last[0]
        time.sleep(2.0)
        after = self.scan.scan()
        self.result["death_kept"] = sum(1 for m, p in before.items() if alive(p) and p in after.get(m, []))
        self.result["death_duplicates"] = sum(len(p) - 1 for p in after.values() if len(p) > 1)
        self.result["death_missing"] = sum(1 for m in t.markers() if not after.get(m))

    # ---- teardown --------------------------------------------------------------------------------

    def teardown(self):
        """Ends the supervisor (SIGTERM: procrust leaves services, supervisord stops its own), then
        every service of the session, by process group."""
        p = self.tool.proc
        if p is not None and p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=30)
            except Exception:
                p.kill()
                p.wait()
        sweep(self.scan)
        self._end_killed_groups()

    def _end_killed_groups(self):
        """SIGKILL to what is left of the groups whose leader was killed (only processes still in that
        group and in the leader's working folder: never another's process that took the number)."""
        for pgid, cwd in self.killed:
            for name in os.listdir("/proc"):
                if not name.isdigit():
                    continue
                st = read_stat(int(name))
                if st is None or st[2] != pgid:
                    continue
                try:
                    if os.readlink(f"/proc/{name}/cwd") == cwd:
                        os.kill(int(name), signal.SIGKILL)
                except OSError:
                    pass
        reap_orphans()

    def _until(self, cond, deadline, what, step=0.01):
        end = time.monotonic() + deadline
        while True:
            if cond():
                return time.monotonic()
            if time.monotonic() > end:
                raise RuntimeError(f"{self.tool.name}: no {what} within {deadline} s")
            p = self.tool.proc
            if p is not None and p.poll() is not None:
                raise RuntimeError(f"{self.tool.name} exited ({p.returncode}) while waiting for {what}; "
                                   f"see {self.tool.log_path}")
            if step:
                time.sleep(step)
            reap_orphans() if step >= 0.05 else None


def _ppid(pid):
    st = read_stat(pid)
    return st[1] if st else None


def sweep(scan, grace=3.0):
    """SIGTERM, then SIGKILL, to the process group of every service leader the scan finds; each one
    leads its own group (procrust: setsid; supervisord: setpgrp), which holds its `sleep`."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        found = [p for pids in scan.scan().values() for p in pids]
        for pid in found:
            try:
                if os.getpgid(pid) == pid:
                    os.killpg(pid, sig)
                else:
                    os.kill(pid, sig)
            except ProcessLookupError:
                pass
        end = time.monotonic() + grace
        while found and time.monotonic() < end:
            reap_orphans()
            if not scan.scan():
                return
            time.sleep(0.05)
    reap_orphans()
