#!/usr/bin/env python3
"""The short commands' start-up (issue 18), as bench/startup-bench.sh measures it, but interleaved: each
round runs every command once (this checkout's, BASE's and a bare JVM start) in a random order, so that
the load of a shared machine falls on all of them alike; hyperfine runs one command's runs back to back,
and a build starting beside one of them skews that one. Wall time per run, and the CPU the process and
its children used (wait4's rusage).
Usage: bench/startup-interleaved.py [RUNS [RUNS_10000 [TUI_RUNS]]]   (defaults 15, 5, 8)
       BASE=/other/checkout adds that checkout's launcher to every round.
Needs the files of bench/check-bench.sh (made by bench/gen-procs.sh if missing) and python3 only.
"""
import importlib.util, os, random, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "bench", "out")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
runs_big = int(sys.argv[2]) if len(sys.argv) > 2 else 5
tui_runs = int(sys.argv[3]) if len(sys.argv) > 3 else 8
base = os.environ.get("BASE")
java = shutil.which("java")
if os.environ.get("JAVA_HOME") and os.access(os.path.join(os.environ["JAVA_HOME"], "bin", "java"), os.X_OK):
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java")

hello = os.path.join(out, "hello")
os.makedirs(os.path.join(out, "files"), exist_ok=True)
os.makedirs(hello, exist_ok=True)
if not os.path.exists(os.path.join(hello, "Hello.class")):
    with open(os.path.join(hello, "Hello.java"), "w") as f:
        f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
    subprocess.check_call([java[:-len("java")] + "javac", "-d", hello, os.path.join(hello, "Hello.java")])
bare = [java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms64m", "-Xmx1g",
        "-XX:MaxMetaspaceSize=128m", "-XX:-UsePerfData", "-Xshare:auto", "-cp", hello, "Hello"]
files = {}
for n in (10, 1000, 10000):
    files[n] = os.path.join(out, "files", "procs-%d.toml" % n)
    if not os.path.exists(files[n]):
        with open(files[n], "w") as f:
            subprocess.check_call([os.path.join(root, "bench", "gen-procs.sh"), str(n)], stdout=f)
quick = os.path.join(root, "examples", "quickstart.toml")
state = tempfile.mkdtemp(prefix="procrust-startup.")
launchers = [("", os.path.join(root, "bin", "procrust"))]
if base:
    launchers.append((" (BASE)", os.path.join(base, "bin", "procrust")))
devnull = os.open(os.devnull, os.O_WRONLY)


def run(cmd):
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(cmd[0], cmd)
    _, _, ru = os.wait4(pid, 0)
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime


def rounds(cmds, n):
    res = {name: ([], []) for name, _ in cmds}
    for name, cmd in cmds:  # warm-up: builds, class-data archives, the validator's memory
        run(cmd)
    for _ in range(n):
        order = list(cmds)
        random.shuffle(order)
        for name, cmd in order:
            w, c = run(cmd)
            res[name][0].append(w)
            res[name][1].append(c)
    return res


small = [("bare JVM start", bare)]
big = [("bare JVM start", bare)]
for suffix, l in launchers:
    small += [("procrust --version" + suffix, [l, "--version"]),
              ("check, 10 processes" + suffix, [l, "check", "-c", files[10]]),
              ("check, 1,000 processes" + suffix, [l, "check", "-c", files[1000]]),
              ("status, quickstart" + suffix, [l, "-c", quick, "status", "--state-dir", state]),
              ("plan, quickstart" + suffix, [l, "-c", quick, "plan", "--state-dir", state])]
    big += [("check, 10,000 processes" + suffix, [l, "check", "-c", files[10000]])]
load_before = open("/proc/loadavg").read().split()[:3]
res = rounds(small, runs)
res_big = rounds(big, runs_big)
tui = {}
spec = importlib.util.spec_from_file_location("tfs", os.path.join(root, "bench", "tui-first-screen.py"))
tfs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tfs)
for _ in range(tui_runs):
    for suffix, l in random.sample(launchers, len(launchers)):
        tui.setdefault(suffix, []).append(tfs.once("greeter", [l, "-c", quick, "tui", "--state-dir", state]))
load_after = open("/proc/loadavg").read().split()[:3]
shutil.rmtree(state, ignore_errors=True)

b = statistics.median(res["bare JVM start"][0])
print("Date: %s; %d cores; %s" % (time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime()), os.cpu_count(),
                                  subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]))
print("Load average before: %s; after: %s. Interleaved rounds: %d (%d for 10,000, %d for the TUI)."
      % (" ".join(load_before), " ".join(load_after), runs, runs_big, tui_runs))
print()
print("| command | median wall | min | CPU (user + sys, mean) | x bare JVM start (medians, same rounds) |")
print("|---|---:|---:|---:|---:|")
for table, ref in ((res, b), (res_big, statistics.median(res_big["bare JVM start"][0]))):
    for name, (w, c) in table.items():
        if table is res_big and name == "bare JVM start":
            continue
        m = statistics.median(w)
        print("| %s | %.0f ms | %.0f ms | %.0f ms | %.1f |" % (name, m * 1000, min(w) * 1000, statistics.mean(c) * 1000, m / ref))
for suffix, _ in launchers:
    t = tui.get(suffix, [])
    if t:
        print("| tui, first screen (quickstart)%s | %.0f ms | %.0f ms | - | %.1f |"
              % (suffix, statistics.median(t) * 1000, min(t) * 1000, statistics.median(t) / b))
