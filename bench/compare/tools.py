"""The two supervisors under test, each with its own config, state, socket and logs in a session
folder: `procrust apply` (bin/procrust) and `supervisord -n` (Debian's supervisor package).

Both run the same services: `/bin/sh -c "while :; do sleep 1; done; : MARKER"` (the marker is not a
`# comment`: supervisord would cut the command there), restarted at once when they die (procrust: restart.delay = "0s"; supervisord: autorestart=true, its defaults
otherwise, startsecs=1 included).
"""
import datetime
import json
import os
import re
import subprocess
import uuid

SERVICE = "while :; do sleep 1; done; : {marker}"
# --service sleep: one long sleep under the shell (no fork a second: 1,000 of the loop above fork 1,000
# sleeps a second, which loads 2 cores more than either supervisor does)
SERVICES = {"loop": SERVICE, "sleep": "sleep 1000000; : {marker}"}
KIND = "loop"  # main.py sets it from --service


def _utc(ts):
    return datetime.datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()


class Tool:
    name = "?"
    key = "?"

    def __init__(self, repo, sdir, n, prefix, env):
        self.repo, self.sdir, self.n, self.prefix, self.env = repo, sdir, n, prefix, env
        self.proc = None
        self.log_path = None
        self.service = SERVICES[KIND]
        os.makedirs(sdir, mode=0o700, exist_ok=True)

    def marker(self, i):
        return f"{self.prefix}s{i:03d}"

    def markers(self):
        return [self.marker(i) for i in range(1, self.n + 1)]

    def launch(self, generation):
        """Starts the supervisor (a new session, output to a log file); returns its pid."""
        self.log_path = os.path.join(self.sdir, f"{self.key}-{generation}.log")
        out = open(self.log_path, "ab")
        try:
            self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True,
                                         env=self.env, cwd=self.sdir)
        finally:
            out.close()
        return self.proc.pid

    def status_cmd(self):
        raise NotImplementedError

    def status(self):
        """Runs the tool's status command once: (all n RUNNING [and served by the current supervisor],
        how many RUNNING)."""
        r = subprocess.run(self.status_cmd(), stdin=subprocess.DEVNULL, capture_output=True,
                           env=self.env, cwd=self.sdir, timeout=60)
        return self.parse_status(r.stdout.decode(errors="replace"))

    def log_lines(self):
        try:
            with open(self.log_path, errors="replace") as f:
                return f.readlines()
        except OSError:
            return []


class Procrust(Tool):
    name = "procrust"
    key = "pro"

    def write_config(self):
        self.cfg = os.path.join(self.sdir, "procrust.toml")
        self.state = os.path.join(self.sdir, "state")
        lines = [f'uid = "{uuid.uuid4()}"', 'file_format = "0"']
        for i in range(1, self.n + 1):
            lines += ["", "[[process]]", f'id = "s{i:03d}"',
                      f'command = "{self.service.format(marker=self.marker(i))}"',
                      'apply_on = "2020-01-01T00:00:00"', 'restart = { delay = "0s" }']
        fd = os.open(self.cfg, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write("\n".join(lines) + "\n")

    def command(self):
        return [os.path.join(self.repo, "bin", "procrust"), "apply", "-c", self.cfg, "--state-dir", self.state]

    def status_cmd(self):
        return [os.path.join(self.repo, "bin", "procrust"), "status", "-c", self.cfg, "--state-dir", self.state,
                "--output", "json"]

    def parse_status(self, text):
        try:
            doc = json.loads(text)
        except ValueError:
            return False, 0
        running = sum(1 for p in doc.get("processes", []) if p.get("state") == "RUNNING")
        served = self.proc is not None and doc.get("apply_pid") == self.proc.pid
        return served and running == self.n, running

    # "2026-11-28T00:13:57.876Z INFO  started s001@2020-01-01T00:00:00: pid 32577, RUNNING: ..."
    _LINE = re.compile(r"^(\S+Z) \w+\s+(\w[\w-]*) (s\d{3,})@")

    def events(self, kind):
        """Wall-clock times of the log's `kind` events (started, adopted), one per service."""
        out = {}
        for line in self.log_lines():
            m = self._LINE.match(line)
            if m and m.group(2) == kind:
                out[m.group(3)] = _utc(m.group(1))
        return out

    def timeline(self, service, since):
        """[(wall time, event)] of one service's log lines from `since` on: crashed, stopping,
        stopped, started ... (the phases of a restart as procrust itself saw them)."""
        out = []
        for line in self.log_lines():
            m = self._LINE.match(line)
            if m and m.group(3) == service:
                t = _utc(m.group(1))
                if t >= since:
                    out.append((t, m.group(2)))
        return out

    def running_times(self, since=0.0):
        """Without a health check a service is RUNNING when spawned: the `started` events."""
        return {k: t for k, t in self.events("started").items() if t >= since}

    def ready_time(self):
        """When the apply session logged that it began (JVM up, file read, state verified)."""
        for line in self.log_lines():
            m = re.match(r"^(\S+Z) INFO\s+apply: pid", line)
            if m:
                return _utc(m.group(1))
        return None


class Supervisord(Tool):
    name = "supervisord"
    key = "sup"

    def write_config(self):
        self.cfg = os.path.join(self.sdir, "supervisord.conf")
        sock = os.path.join(self.sdir, "supervisor.sock")
        logs = os.path.join(self.sdir, "logs")
        os.makedirs(logs, mode=0o700, exist_ok=True)
        lines = ["[unix_http_server]", f"file={sock}", "chmod=0700", "",
                 "[supervisord]", f"logfile={os.path.join(self.sdir, 'supervisord.log')}",
                 f"pidfile={os.path.join(self.sdir, 'supervisord.pid')}", f"childlogdir={logs}",
                 "nodaemon=true", "loglevel=info"] + _as_root() + ["",
                 "[rpcinterface:supervisor]",
                 "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface", "",
                 "[supervisorctl]", f"serverurl=unix://{sock}"]
        for i in range(1, self.n + 1):
            lines += ["", f"[program:s{i:03d}]",
                      f'command=/bin/sh -c "{self.service.format(marker=self.marker(i))}"',
                      "autorestart=true", "stopasgroup=true", "killasgroup=true",
                      "redirect_stderr=true", f"stdout_logfile={os.path.join(logs, f's{i:03d}.log')}"]
        fd = os.open(self.cfg, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write("\n".join(lines) + "\n")
        self.main_log = os.path.join(self.sdir, "supervisord.log")

    def command(self):
        return ["supervisord", "-n", "-c", self.cfg]

    def status_cmd(self):
        return ["supervisorctl", "-c", self.cfg, "status"]

    def parse_status(self, text):
        running = sum(1 for line in text.splitlines() if re.match(r"^s\d{3,}\s+RUNNING\b", line))
        return running == self.n, running

    # "2026-11-28 00:20:01,234 INFO success: s001 entered RUNNING state, ..."
    _SUCCESS = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) INFO success: (s\d{3,}) entered RUNNING")

    def log_lines(self):
        try:
            with open(self.main_log, errors="replace") as f:
                return f.readlines()
        except OSError:
            return []

    def running_times(self, since=0.0):
        out = {}
        for line in self.log_lines():
            m = self._SUCCESS.match(line)
            if m:
                t = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S").timestamp() + int(m.group(2)) / 1000
                if t >= since:
                    out[m.group(3)] = t
        return out


def _as_root():
    """As root supervisord wants `user=` said out loud (else it logs a CRIT line at each start)."""
    return ["user=root"] if os.getuid() == 0 else []


TOOLS = {"procrust": Procrust, "supervisord": Supervisord}
