#!/usr/bin/env python3
"""Prints a uid folder's state as procrust reads it: state.json with the frames of state.journal
applied over it (issue 18; the format is described in procrust.state.StateJournal), pretty-printed as
state.json is (`"key" : value`), so the bench scripts can grep or parse it as before.

    bench/state_view.py STATE_DIR/UID     # prints {} when there is no state.json
"""
import json
import os
import sys
import zlib


def view(uid_dir):
    try:
        with open(os.path.join(uid_dir, "state.json"), "rb") as f:
            snap = f.read()
    except FileNotFoundError:
        return {}
    state = json.loads(snap)
    try:
        with open(os.path.join(uid_dir, "state.journal"), "rb") as f:
            j = f.read()
    except FileNotFoundError:
        return state
    head = b"procrust-journal 1 %x %d\n" % (zlib.crc32(snap), len(snap))
    if not j.startswith(head):
        return state  # it follows another state.json: stale
    recs = {(r["id"], r["version"]): r for r in state.get("instances", [])}
    at = len(head)
    while at < len(j):
        nl = j.find(b"\n", at)
        words = j[at:nl].split() if nl >= 0 else []
        if len(words) != 4 or words[0] != b"F":
            break
        p, r, start = int(words[1]), int(words[2]), nl + 1
        body = j[start:start + p + r]
        if len(body) < p + r or zlib.crc32(body) != int(words[3], 16):
            break  # the last save, cut by a crash
        puts = json.loads(body[:p])
        if r:
            for x in json.loads(body[p:]).get("instances", []):
                recs.pop((x["id"], x["version"]), None)
        for x in puts.get("instances", []):
            recs[(x["id"], x["version"])] = x
        state = puts
        at = start + p + r + 1
    state["instances"] = list(recs.values())
    return state


if __name__ == "__main__":
    print(json.dumps(view(sys.argv[1]), indent=2, separators=(",", " : ")))
