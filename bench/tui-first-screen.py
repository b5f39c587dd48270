#!/usr/bin/env python3
"""Time from starting `procrust tui` to its first screen (the first process id drawn), on a pseudo
terminal of 120x40 with TERM=xterm-256color; then presses q and waits for the exit.
Usage: bench/tui-first-screen.py RUNS TEXT COMMAND...   (prints one time in ms per run, one per line)
"""
import fcntl, os, pty, select, struct, sys, termios, time

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
