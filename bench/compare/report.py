"""The results table: per measurement, the median with min-max of each tool, their ratio and the
issue's target. Markdown, so it can be pasted into docs/benchmarks.md as is."""
import statistics


def _vals(results, tool, n, key):
    out = []
    for r in results:
        if r["tool"] == tool and r["n"] == n and key in r:
            v = r[key]
            out.extend(v if isinstance(v, list) else [v])
    return out


def _fmt(vals, digits):
    if not vals:
        return "-"
    med = statistics.median(vals)
    return f"{med:.{digits}f} [{min(vals):.{digits}f}-{max(vals):.{digits}f}] (n={len(vals)})"


# (label, n, key, digits, target: (kind, value) or None); the targets are issue 18's (issue 6's before it)
ROWS = [
    ("RSS, 10 services idle (MiB)", 10, "idle_rss_mib", 1, ("ratio", 1.5)),
    ("  the same, against 42 MiB", 10, "idle_rss_mib", 1, ("max", 42.0)),
    ("RSS, 100 services idle (MiB)", 100, "idle_rss_mib", 1, ("ratio", 1.5)),
    ("RSS, 1000 services idle (MiB)", 1000, "idle_rss_mib", 1, ("ratio", 1.5)),
    ("threads, 10 services idle", 10, "idle_threads", 0, ("max", 20)),
    ("threads, 100 services idle", 100, "idle_threads", 0, ("max", 20)),
    ("threads, 1000 services idle", 1000, "idle_threads", 0, ("max", 20)),
    ("CPU over the window, 10 services (% of a core, /proc/PID/stat ticks, every thread)", 10, "idle_cpu_ticks_pct", 3,
     ("ratio", 1.0)),
    ("CPU over the window, 100 services (% of a core, /proc/PID/stat ticks, every thread)", 100, "idle_cpu_ticks_pct", 3,
     ("ratio", 1.0)),
    ("CPU over the window, 1000 services (% of a core, /proc/PID/stat ticks, every thread)", 1000,
     "idle_cpu_ticks_pct", 3, ("ratio", 1.0)),
    ("  the same, schedstat of the threads alive at both ends (finer; can miss a thread that ended)", 10,
     "idle_cpu_pct", 3, None),
    ("  the same, 100 services, schedstat", 100, "idle_cpu_pct", 3, None),
    ("restart latency, kill -9 to new pid, 10 services (ms)", 10, "restart_ms", 0, ("restart", 0.1)),
    ("restart latency, kill -9 to new pid, 100 services (ms)", 100, "restart_ms", 0, ("restart", 0.1)),
    ("restart latency, kill -9 to new pid, 1000 services (ms)", 1000, "restart_ms", 0, ("restart", 0.1)),
    ("bring-up 100: launch to all spawned, /proc (s)", 100, "bringup_spawned_s", 2, None),
    ("bring-up 100: launch to all RUNNING, own log (s)", 100, "bringup_running_s", 2, ("ratio", 1.0)),
    ("bring-up 1000: launch to all spawned, /proc (s)", 1000, "bringup_spawned_s", 2, None),
    ("bring-up 1000: launch to all RUNNING, own log (s)", 1000, "bringup_running_s", 2, ("ratio", 1.0)),
    ("procrust JVM start to apply session begun (s)", 100, "startup_s", 2, None),
    ("supervisor kill -9: services kept (of 100)", 100, "death_kept", 0, ("eq", 100)),
    ("supervisor kill -9: duplicates", 100, "death_duplicates", 0, ("eq", 0)),
    ("supervisor kill -9: services missing", 100, "death_missing", 0, ("eq", 0)),
    ("supervisor kill -9: relaunch to status all RUNNING (s)", 100, "death_status_s", 2, None),
    ("  of which the last status command itself (s)", 100, "death_status_call_s", 2, None),
    ("supervisor kill -9: relaunch to all 100 adopted, log (s)", 100, "death_adopted_s", 2, ("max", 1.0)),
    ("after the restart: restart latency (ms; procrust: adopted services)", 100, "restart_after_ms", 0, None),
    ("after the restart: RSS (MiB)", 100, "after_rss_mib", 1, None),
    ("after the restart: CPU (% of a core, ticks)", 100, "after_cpu_ticks_pct", 3, None),
]


def table(results):
    lines = ["| measurement | procrust median [min-max] | supervisord median [min-max] | ratio p/s | target |",
             "|---|---|---|---|---|"]
    for label, n, key, digits, target in ROWS:
        p = _vals(results, "procrust", n, key)
        s = _vals(results, "supervisord", n, key)
        if not p and not s:
            continue
        ratio = "-"
        if p and s and statistics.median(s) != 0:
            ratio = f"{statistics.median(p) / statistics.median(s):.2f}"
        lines.append(f"| {label} | {_fmt(p, digits)} | {_fmt(s, digits)} | {ratio} | {_target(target, p, s)} |")
    return "\n".join(lines)


def _target(target, p, s):
    if target is None or not p:
        return ""
    kind, v = target
    mp = statistics.median(p)
    if kind in ("ratio", "restart"):
        if not s:
            return f"<= {v}x"
        ms = statistics.median(s)
        ok = mp / ms <= v if ms else mp == 0
        if kind == "restart":  # and under 100 ms
            ok = ok and mp < 100
    elif kind == "eq":
        ok = all(x == v for x in p)
    else:
        ok = max(p) <= v
        kind = "all <="
    label = {"ratio": f"<= {v}x", "restart": f"<= {v}x and < 100 ms", "eq": f"= {v} (every run)", "all <=": f"<= {v} (every run)"}[kind]
    return f"{label}: {'met' if ok else 'MISSED'}"


def phases(results):
    """The restart as procrust's own log saw it: median ms from the kill to each event."""
    lines = []
    for n, key in [(n, k) for n in sorted({r["n"] for r in results})
                   for k in ("restart_phases_ms", "restart_after_phases_ms")]:
        per = {}
        for r in results:
            if r["tool"] == "procrust" and r["n"] == n:
                for ph in r.get(key, []):
                    for k, v in ph.items():
                        per.setdefault(k, []).append(v)
        if per:
            order = sorted(per, key=lambda k: statistics.median(per[k]))
            when = "after its own kill -9 (adopted)" if "after" in key else "children"
            lines.append(f"procrust restart phases, {n} services, {when} (median ms after the kill, from its log): "
                         + ", ".join(f"{k} {statistics.median(per[k]):.0f}" for k in order))
    return "\n".join(lines)
