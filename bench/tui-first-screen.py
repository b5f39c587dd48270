#!/usr/bin/env python3
"""Time from starting `procrust tui` to its first screen (the first process id drawn), on a pseudo
terminal of 120x40 with TERM=xterm-256color; then presses q and waits for the exit.
The pseudo terminal answers the queries a terminal answers, as xterm does: device attributes (DA1),
the cursor position, and DEC private modes it does not know (DECRQM: "not recognised"). JLine asks
for a few modes at start-up and waits for the DA1 answer (up to 200 ms without one, which no real
terminal makes it wait).
Usage: bench/tui-first-screen.py RUNS TEXT COMMAND...   (prints one time in ms per run, one per line)
"""
import fcntl, os, pty, re, select, struct, sys, termios, time

QUERY = re.compile(rb"\x1b\[(?:0?c|6n|\?(\d+)\$p)")

def answers(chunk):
    """xterm's answers to the queries in chunk, in order."""
    out = b""
    for m in QUERY.finditer(chunk):
        q = m.group(0)
        if q.endswith(b"c"):
            out += b"\x1b[?62;22c"
        elif q.endswith(b"n"):
            out += b"\x1b[1;1R"
        else:
            out += b"\x1b[?" + m.group(1) + b";0$y"
    return out

def once(text, argv):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen, first = b"", None
    deadline = start + 60
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            reply = answers(chunk)
            if reply:
                os.write(fd, reply)
            if first is None and text.encode() in seen:
                first = time.monotonic() - start
                os.write(fd, b"q")
    try:
        os.write(fd, b"q")
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    if first is None:
        sys.exit("tui-first-screen: %r never appeared; output: %r" % (text, seen[-2000:]))
    return first

if __name__ == "__main__":
    runs, text, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    for _ in range(runs):
        print("%.0f" % (once(text, argv) * 1000), flush=True)
