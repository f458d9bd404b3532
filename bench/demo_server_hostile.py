#!/usr/bin/env python3
"""The demo server under hostile clients, beside a peer: Python's ThreadingHTTPServer, serving the
same /json and /delay/N, attacked the same way in the same run.

    bench/demo_server_hostile.py build/release/bin/concviz [--quick]

Each attack runs against a fresh server started with 1,024 file descriptors at most. While it runs,
a probe opens a new connection every 100 ms and fetches /json; the table shows whether the server
lived, its peak resident memory, and how long /json took (median and worst, and how many probes
got no answer within 2 s or were turned away with 503).

Attacks:
  pipelined  40,000 "GET /json" sent back to back on one connection, the answers read as they come
  idle       5,000 connections opened and left silent (this script raises its own descriptor limit)
  upload     "GET /delay/60", then 512 MB more sent on the same connection as fast as it is taken
  post       "POST /post" announcing a 512 MB body, then the body sent as fast as it is taken
  bytes      ten pipelined "GET /bytes/99999999999" whose answers are never read
"""
import http.server
import os
import resource
import select
import socket
import statistics
import subprocess
import sys
import threading
import time

SERVER_FDS = 1024
QUICK = "--quick" in sys.argv


def rss_kib(pid, field):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def limit_fds():
    resource.setrlimit(resource.RLIMIT_NOFILE, (SERVER_FDS, SERVER_FDS))


def start_concviz(binary):
    proc = subprocess.Popen([binary, "serve"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, preexec_fn=limit_fds)
    line = proc.stdout.readline()
    port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
    return proc, port


def start_peer():
    proc = subprocess.Popen([sys.executable, __file__, "--peer-server"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, preexec_fn=limit_fds)
    port = int(proc.stdout.readline())
    return proc, port


def fetch_json(port, timeout=2.0):
    """Seconds until the whole /json answer arrived; None without an answer, 'busy' on a 503."""
    start = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(max(0.01, timeout - (time.perf_counter() - start)))
            s.sendall(b"GET /json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return None
    if data.startswith(b"HTTP/1.1 503") or data.startswith(b"HTTP/1.0 503"):
        return "busy"
    if not data.startswith(b"HTTP/1.") or b" 200 " not in data.split(b"\r\n", 1)[0]:
        return None
    return time.perf_counter() - start


class Probe(threading.Thread):
    def __init__(self, port, pid):
        super().__init__(daemon=True)
        self.port, self.pid = port, pid
        self.times, self.lost, self.busy, self.peak = [], 0, 0, 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            result = fetch_json(self.port)
            if result is None:
                self.lost += 1
            elif result == "busy":
                self.busy += 1
            else:
                self.times.append(result)
            self.peak = max(self.peak, rss_kib(self.pid, "VmRSS") or 0)
            self.stop.wait(0.1)


def attack_pipelined(port):
    count = 4000 if QUICK else 40000
    request = b"GET /json HTTP/1.1\r\nHost: x\r\n\r\n"
    s = socket.create_connection(("127.0.0.1", port))
    s.setblocking(False)
    out, answers, received = request * count, 0, b""
    sent, deadline = 0, time.time() + 60
    while answers < count and time.time() < deadline:
        want_write = [s] if sent < len(out) else []
        readable, writable, _ = select.select([s], want_write, [], 1.0)
        if writable:
            try:
                sent += s.send(out[sent:sent + 262144])
            except BlockingIOError:
                pass
        if readable:
            try:
                chunk = s.recv(1 << 20)
            except (BlockingIOError, ConnectionResetError):
                chunk = b""
            if not chunk:
                break
            received += chunk
            answers += received.count(b"HTTP/1.1 200")
            received = received[received.rfind(b"HTTP/1.1 200") + 1:] if b"HTTP/1.1 200" in received else received[-16:]
    s.close()
    return f"{answers:,} of {count:,} answered"


def attack_idle(port):
    count = 500 if QUICK else 5000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 256), hard))
    sockets, refused = [], 0
    for _ in range(count):
        try:
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", port))
            sockets.append(s)
        except OSError:
            refused += 1
    time.sleep(3 if QUICK else 10)
    closed = 0
    for s in sockets:
        try:
            if s.recv(1, socket.MSG_PEEK) in (b"",):
                closed += 1
            else:
                closed += 0
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
    for s in sockets:
        s.close()
    return f"{count:,} opened, {closed:,} closed by the server after {3 if QUICK else 10} s"


def attack_upload(port, head=b"GET /delay/60 HTTP/1.1\r\nHost: x\r\n\r\n"):
    total = (64 if QUICK else 512) * 1024 * 1024
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(head)
    s.setblocking(False)
    block = b"x" * 262144
    sent, deadline = 0, time.time() + (5 if QUICK else 20)
    while sent < total and time.time() < deadline:
        _, writable, _ = select.select([], [s], [], 0.2)
        if writable:
            try:
                sent += s.send(block)
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                if not select.select([], [s], [], 0)[1]:
                    continue
                break
    answer = b""
    try:
        s.setblocking(True)
        s.settimeout(1)
        answer = s.recv(200)
    except OSError:
        pass
    s.close()
    status = answer.split(b"\r\n", 1)[0].decode("latin-1") if answer else "no answer yet"
    return f"{sent / 1048576:,.1f} MiB of {total / 1048576:,.0f} taken; {status}"


def attack_post(port):
    size = (64 if QUICK else 512) * 1024 * 1024
    return attack_upload(port, f"POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n\r\n".encode())


def attack_bytes(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /bytes/99999999999 HTTP/1.1\r\nHost: x\r\n\r\n" * 10)
    time.sleep(3 if QUICK else 8)
    s.close()
    return "never read"


ATTACKS = [("pipelined", attack_pipelined), ("idle", attack_idle), ("upload", attack_upload), ("post", attack_post),
           ("bytes", attack_bytes)]


def run(name, attack, start):
    proc, port = start()
    probe = Probe(port, proc.pid)
    probe.start()
    time.sleep(0.3)
    try:
        what = attack(port)
    except OSError as error:
        what = f"attack stopped: {error}"
    time.sleep(0.5)
    probe.stop.set()
    probe.join()
    after = fetch_json(port, timeout=5)
    alive = proc.poll() is None and isinstance(after, float)
    hwm = rss_kib(proc.pid, "VmHWM")
    proc.kill()
    proc.wait()
    times = sorted(probe.times)
    median = f"{statistics.median(times) * 1000:7.1f}" if times else "      -"
    worst = f"{times[-1] * 1000:7.1f}" if times else "      -"
    peak = f"{(hwm or probe.peak) / 1024:7.1f}" if (hwm or probe.peak) else "      -"
    state = "alive" if alive else f"DEAD ({proc.returncode})" if proc.returncode not in (None, -9) else "no answer"
    print(f"  {name:<10} {state:<10} {peak} MiB  /json median {median} ms  worst {worst} ms  "
          f"probes {len(times)} ok {probe.lost} lost {probe.busy} busy  ({what})", flush=True)


def peer_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            while length > 0:
                length -= len(self.rfile.read(min(length, 1 << 20)))
            self.do_GET()

        def do_GET(self):
            if self.path.startswith("/delay/"):
                time.sleep(min(60.0, float(self.path[7:] or 0)))
            body = b'{"slideshow": {"title": "demo"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


def main():
    if "--peer-server" in sys.argv:
        return peer_server()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    binary = args[0]
    print(f"each server limited to {SERVER_FDS} file descriptors; memory is peak resident size")
    for name, attack in ATTACKS:
        print(f"{name}:")
        run("concviz", attack, lambda: start_concviz(binary))
        if name != "bytes":  # the peer has no /bytes route
            run("python", attack, start_peer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
