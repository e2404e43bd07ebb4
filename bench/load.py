"""A bounded load test on loopback: `newsgraph serve` in its own process(es), N concurrent
clients for a fixed time over the main endpoints and pages; prints p50/p95/p99 and errors.

    python bench/load.py [--db URL] [--clients 16] [--seconds 60] [--workers 1] [--invalidate-every S] [--no-cache]

Without `--db`, the demo corpus is ingested into a temporary database first. The clients are
keep-alive HTTP/1.1 connections (renewed every 100 requests) driven by one asyncio loop: a
small, cheap load generator, so that on a 2-core machine the server and not the clients is what
is measured. Prints how many answers came from the server's response cache; `--invalidate-every
S` moves the data version every S seconds (as a live ingest storing articles would), so that the
cache is dropped and every answer computed again that often. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, workers: int, cache: bool = True) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "newsgraph.cli.app", "serve", "--db", url, "--port", str(port)]
    env = {**os.environ, "NEWSGRAPH_RESPONSE_CACHE": "on" if cache else "off"}
    server = subprocess.Popen(
        [*command, "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{base}/api/stories?limit=1", timeout=1).read()
            return server, base
        except OSError:
            if server.poll() is not None:
                problem = server.stderr.read().decode() if server.stderr else ""
                raise SystemExit(f"the server did not start: {problem}") from None
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not answer within 30 s")


def get_json(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return dict(json.loads(response.read()))


def request_paths(base: str) -> list[str]:
    """The main API endpoints and pages, with ids and names taken from the database."""
    stories = get_json(base, "/api/stories?limit=5")["items"]
    articles = get_json(base, "/api/articles?limit=3")["items"]
    entities = get_json(base, "/api/entities?limit=3")["items"]
    paths = [
        "/api/stories?limit=20",
        "/api/articles?limit=20",
        "/api/entities?limit=20",
        "/api/search?q=police",
        "/api/search?q=minister%20said",
        "/",
    ]
    paths += [f"/api/stories/{s['id']}" for s in stories[:3]]
    paths += [f"/api/stories/{s['id']}/compare" for s in stories[:2]]
    paths += [f"/stories/{s['id']}" for s in stories[:2]]
    paths += [f"/api/articles/{a['id']}" for a in articles]
    paths += [f"/articles/{a['id']}" for a in articles[:2]]
    paths += [f"/api/entities/{quote(e['name'], safe='')}" for e in entities]
    paths += [f"/api/timeline?entity={quote(e['name'], safe='')}&limit=20" for e in entities[:2]]
    paths += [f"/api/timeline?story={s['id']}" for s in stories[:1]]
    paths += [f"/api/graph?entity={quote(e['name'], safe='')}" for e in entities[:1]]
    return paths


REQUESTS_PER_CONNECTION = 100  # then reconnect, as clients do, so server processes share them


async def client(host: str, port: int, paths: list[str], offset: int, deadline: float, out: list) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    i = offset
    try:
        while time.perf_counter() < deadline:
            if (i - offset) and (i - offset) % REQUESTS_PER_CONNECTION == 0:
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            out.append((path, time.perf_counter() - started, status, b"x-newsgraph-cache: hit" in head.lower()))
    finally:
        writer.close()


Result = tuple[str, float, int, bool]  # path, seconds, status, answered from the cache


async def load(
    base: str, paths: list[str], clients: int, seconds: float, invalidate: Any = None, every: float = 0
) -> list[Result]:
    host, port = base.removeprefix("http://").split(":")
    out: list[Result] = []
    deadline = time.perf_counter() + seconds

    async def invalidating() -> None:
        while every and time.perf_counter() + every < deadline:
            await asyncio.sleep(every)
            await asyncio.to_thread(invalidate)

    await asyncio.gather(invalidating(), *(client(host, int(port), paths, n, deadline, out) for n in range(clients)))
    return out


def quantile(samples: list[float], q: float) -> float:
    return samples[min(len(samples) - 1, int(q * len(samples)))] * 1000


def report(results: list[Result], clients: int, seconds: float) -> None:
    times = sorted(t for _, t, _, _ in results)
    errors = sum(1 for _, _, status, _ in results if status != 200)
    cached = sum(1 for *_, hit in results if hit)
    print(
        f"{len(times)} requests from {clients} clients in {seconds:.0f}s ({len(times) / seconds:.0f}/s), "
        f"{errors} errors; p50 {quantile(times, 0.5):.1f} ms, p95 {quantile(times, 0.95):.1f} ms, "
        f"p99 {quantile(times, 0.99):.1f} ms, mean {statistics.mean(times) * 1000:.1f} ms; "
        f"{cached / len(times):.1%} from the response cache"
    )
    by_kind: dict[str, list[float]] = {}
    for path, took, _, _ in results:
        kind = path.split("?")[0]
        keep = 3 if kind.startswith("/api/") else 2  # /api/articles/{id}, /articles/{id}
        kind += "?story" if "story=" in path else "?entity" if "entity=" in path else ""
        kind = "/".join(p if i < keep or p == "compare" else "{id}" for i, p in enumerate(kind.split("/")))
        by_kind.setdefault(kind, []).append(took)
    for kind, samples in sorted(by_kind.items()):
        samples.sort()
        p50, p95 = quantile(samples, 0.5), quantile(samples, 0.95)
        print(f"  {kind:<32} n={len(samples):>6}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children so far (user + system, from /proc)."""
    total = 0.0
    for task in [pid, *children(pid)]:
        try:
            fields = Path(f"/proc/{task}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def children(pid: int) -> list[int]:
    try:
        found = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return found + [g for c in found for g in children(c)]


def version_mover(url: str) -> Any:
    """Moves the data version by one, as storing an article does (the data itself unchanged)."""
    from sqlalchemy import create_engine

    from newsgraph.store.data_version import bump_data_version

    engine = create_engine(url)

    def move() -> None:
        with engine.begin() as connection:
            bump_data_version(connection)

    return move


def run(
    url: str, clients: int, seconds: float, workers: int, api_only: bool = False, every: float = 0, cache: bool = True
) -> None:
    server, base = start_server(url, workers, cache)
    try:
        paths = [p for p in request_paths(base) if p.startswith("/api/") or not api_only]
        asyncio.run(load(base, paths, clients, 2))  # warm-up, not counted
        server_cpu, own_cpu = cpu_seconds(server.pid), time.process_time()
        mover = version_mover(url) if every else None
        results = asyncio.run(load(base, paths, clients, seconds, mover, every))
        server_cpu, own_cpu = cpu_seconds(server.pid) - server_cpu, time.process_time() - own_cpu
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(results, clients, seconds)
    print(
        f"CPU per request: server {server_cpu / len(results) * 1000:.2f} ms, "
        f"load generator {own_cpu / len(results) * 1000:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="database URL to serve (default: the demo corpus, ingested now)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=1, help="server processes (`serve --workers`)")
    parser.add_argument("--api-only", action="store_true", help="only /api/ endpoints, no web pages")
    parser.add_argument("--no-cache", action="store_true", help="serve with NEWSGRAPH_RESPONSE_CACHE=off")
    parser.add_argument(
        "--invalidate-every", type=float, default=0, metavar="S", help="move the data version every S seconds"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db
        if url is None:
            url = f"sqlite:///{Path(folder) / 'demo.db'}"
            subprocess.run([sys.executable, "-m", "newsgraph.cli.app", "demo", "--db", url], check=True,
                           stdout=subprocess.DEVNULL)
        what = "API endpoints" if args.api_only else "API endpoints and pages"
        print(f"serving {url} with {args.workers} worker(s); {args.clients} clients for {args.seconds:.0f}s on {what}")
        if args.invalidate_every:
            print(f"the data version moves every {args.invalidate_every:g} s (the response cache is dropped)")
        if args.no_cache:
            print("the server's response cache is off: every answer is computed")
        run(url, args.clients, args.seconds, args.workers, args.api_only, args.invalidate_every, not args.no_cache)


if __name__ == "__main__":
    main()
