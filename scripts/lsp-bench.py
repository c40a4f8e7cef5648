#!/usr/bin/env python3
"""Measure `notelint lsp` as an editor sees it, through a real process and pipes.

usage: scripts/lsp-bench.py NOTELINT [NOTE] [CHANGES]

Opens NOTE (default: the 43 KB seed note) and types CHANGES (default 200)
one-character changes alternately in a prose line and in a command line of
its middle, each followed by waiting for its publishDiagnostics, with the
server's debounce off (`notelint lsp --debounce 0`: the figures are the
server's work; while typing, an editor adds the 150 ms debounce). Prints the
median and 90th percentile from the change to its diagnostics, and the
server's resident memory idle after the note is open and after the changes.
"""
import json, os, queue, statistics, subprocess, sys, threading, time

exe = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
note = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "testdata", "seed", "k8s_test_preparation.md")
changes = int(sys.argv[3]) if len(sys.argv) > 3 else 200
text = open(note, encoding="utf-8").read()

p = subprocess.Popen([exe, "lsp", "--debounce", "0"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
q = queue.Queue()

def reader():
    f = p.stdout
    while True:
        hdr = {}
        while True:
            line = f.readline()
            if not line:
                return
            line = line.decode().strip()
            if not line:
                break
            k, v = line.split(":", 1)
            hdr[k.lower()] = v.strip()
        q.put(json.loads(f.read(int(hdr["content-length"]))))
threading.Thread(target=reader, daemon=True).start()

def send(msg):
    b = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()

def wait(pred):
    while True:
        m = q.get(timeout=60)
        if pred(m):
            return m

def rss_mb():
    with open(f"/proc/{p.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
wait(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
time.sleep(0.5)
rss_start = rss_mb()
uri = "file:///tmp/lsp-bench/note.md"
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
t0 = time.perf_counter()
first = wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
open_ms = (time.perf_counter() - t0) * 1000
time.sleep(1)
rss_open = rss_mb()

lines = text.split("\n")
mid = len(lines) // 2
prose = next(i for i in range(mid, len(lines)) if len(lines[i]) > 20 and "kubectl" not in lines[i] and not lines[i].startswith(("```", " ", "#", "|", "- !")))
command = next(i for i in range(mid, len(lines)) if " kubectl " in lines[i])
times = []
for i in range(changes):
    line = prose if (i // 2) % 2 == 0 else command
    at = len(lines[line].encode("utf-16-le")) // 2
    change = {"range": {"start": {"line": line, "character": at}, "end": {"line": line, "character": at}}, "text": "x"}
    if i % 2 == 1:
        change = {"range": {"start": {"line": line, "character": at}, "end": {"line": line, "character": at + 1}}, "text": ""}
    v = i + 2
    began = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": v}, "contentChanges": [change]}})
    wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == v)
    times.append((time.perf_counter() - began) * 1000)
time.sleep(1)
rss_idle = rss_mb()
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
wait(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit"})
p.wait(timeout=10)
times.sort()
print(f"note: {os.path.basename(note)}, {len(text.encode())/1024:.1f} KB, {len(first['params']['diagnostics'])} diagnostics, first lint {open_ms:.1f} ms")
print(f"one-character change to its diagnostics, {changes} changes (prose line {prose + 1}, command line {command + 1}): "
      f"median {statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms, max {times[-1]:.2f} ms")
print(f"resident memory: {rss_start:.1f} MB after initialize, {rss_open:.1f} MB with the note open, {rss_idle:.1f} MB idle after the changes")
