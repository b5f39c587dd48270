"""Finds the benchmark's services in /proc, cheaply enough to poll every 10 ms.

Every service of a run is `/bin/sh -c "while :; do sleep 1; done; : MARKER"`, whichever tool started
it, so its leader's /proc/PID/cmdline starts with `/bin/sh -c` and ends with its marker
(`pcb-<run>-<session>-s001`). A scan lists /proc and reads the cmdline of pids it has not
classified yet; a pid caught between fork and exec (jspawnhelper, setsid, a forked supervisord) is
looked at again on the next scan.
"""
import ctypes
import os

CLK_TCK = os.sysconf("SC_CLK_TCK")
_SHELL = b"/bin/sh\0-c\0"
# a child between fork and exec: its cmdline is still its parent's or a launcher's
_TRANSIENT = (b"jspawnhelper", b"setsid", b"supervisord", b"java")


def read_stat(pid):
    """(state, ppid, pgid, utime+stime ticks, starttime ticks) or None when the pid is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            s = f.read()
    except OSError:
        return None
    rest = s[s.rindex(b")") + 2:].split()
    return rest[0].decode(), int(rest[1]), int(rest[2]), int(rest[11]) + int(rest[12]), int(rest[19])


def alive(pid):
    """True when pid exists and is not a zombie."""
    st = read_stat(pid)
    return st is not None and st[0] not in ("Z", "X")


def leader(pid):
    """True when pid is alive and leads its process group, as every service's shell does (procrust:
    setsid; supervisord: setpgrp). A child the shell has forked for `sleep` shows the shell's command
    line until it execs; it is not a group leader, so it is never taken for a second service."""
    st = read_stat(pid)
    return st is not None and st[0] not in ("Z", "X") and st[2] == pid


def threads(pid):
    """The number of threads of a process (/proc/PID/status), None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def cpu_seconds(pid):
    """User + system CPU of the whole process (every thread), in seconds."""
    st = read_stat(pid)
    return None if st is None else st[3] / CLK_TCK


def cpu_ns(pid):
    """CPU time of the live threads of pid in ns, from the scheduler (/proc/PID/task/TID/schedstat):
    far finer than the 10 ms ticks of /proc/PID/stat, which a quiet supervisor spends a handful of
    per minute. Threads that end between two readings take their time with them; an idle window
    ends none."""
    total = 0
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return total


class ServiceScan:
    """Maps each marker with the given prefix to the pids of its live group leaders."""

    def __init__(self, prefix):
        self.prefix = (": " + prefix).encode()
        self.known = {}  # pid -> marker (str) or None for "not one of ours"

    def scan(self, only=None):
        """{marker: [pids]}; with `only`, liveness is checked for that marker alone (cheaper)."""
        names = [n for n in os.listdir("/proc") if n.isdigit()]
        found = {}
        listed = set()
        for n in names:
            pid = int(n)
            listed.add(pid)
            if pid not in self.known:
                self.known[pid] = self._classify(pid)
                if self.known[pid] is False:  # transient: look again next time
                    del self.known[pid]
                    continue
            marker = self.known[pid]
            if marker is not None and (only is None or marker == only) and leader(pid):
                found.setdefault(marker, []).append(pid)
        for pid in [p for p in self.known if p not in listed]:
            del self.known[pid]
        return found

    def _classify(self, pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                c = f.read()
        except OSError:
            return None
        if c.startswith(_SHELL):
            args = c.rstrip(b"\0").split(b"\0")
            i = args[-1].rfind(self.prefix)
            if i < 0:
                return None
            # exactly `/bin/sh -c SERVICE`: procrust's gated spawn first runs `/bin/sh -c GATE
            # procrust-gate SERVICE`, which waits for procrust to record it before it execs the
            # service; it is not running the service yet, so it is looked at again later
            return args[-1][i + 2:].decode() if len(args) == 3 else False
        if not c or any(t in c for t in _TRANSIENT):
            return False
        return None


def become_subreaper():
    """Orphans (services left behind by a killed supervisor) become our children, so that we reap
    them like init would (this machine's pid 1 may not) and always find them to clean up."""
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def reap_orphans():
    """Reaps our zombie children that are services (sh, sleep) re-parented to us; never a child we
    started ourselves (those are java, python or bash, waited for by subprocess)."""
    me = os.getpid()
    for n in os.listdir("/proc"):
        if not n.isdigit():
            continue
        st = read_stat(int(n))
        if st is None or st[1] != me or st[0] != "Z":
            continue
        try:
            with open(f"/proc/{n}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        if comm in ("sh", "dash", "sleep", "setsid"):
            try:
                os.waitpid(int(n), os.WNOHANG)
            except ChildProcessError:
                pass
