#!/usr/bin/env python3
"""What a search costs the reader: a built site served on 127.0.0.1, queried in headless Chromium.

    python bench/search_cost.py _site [other_site ...] [--query Kataib --query "Ain al-Asad"]

For each site and query: the time from submitting the query to the first result on screen, and the
requests and bytes the search page fetched from ``pagefind/`` (the index: its entry files, the
shards' metadata, the word chunks and the fragments of the results shown), then the time a second
query ("Baghdad") takes on the same page, its index loaded. Each query runs in a fresh browser
context, so nothing is cached between them.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]  # fmt: skip


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def query_cost(browser, root: str, query: str) -> tuple[float, int, int, float]:  # type: ignore[no-untyped-def]
    """(seconds to the first result, requests to pagefind/, bytes of them, seconds to the first result
    of a second query on the same page, its index loaded) for one query."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[int] = []

    def count(response) -> None:  # type: ignore[no-untyped-def]
        if "/pagefind/" in response.url:
            try:
                fetched.append(len(response.body()))
            except Exception:  # a response without a body (a redirect)
                fetched.append(0)

    page.on("response", count)
    page.goto(root + "search.html")
    page.fill(".search-form input", query)
    started = time.perf_counter()
    page.press(".search-form input", "Enter")
    page.wait_for_selector(".search-results li", timeout=60_000)
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    requests, size = len(fetched), sum(fetched)
    page.fill(".search-form input", "Baghdad")
    started = time.perf_counter()
    page.press(".search-form input", "Enter")
    page.wait_for_selector(".search-status:has-text('Baghdad')", timeout=60_000)
    page.wait_for_selector(".search-results li", timeout=60_000)
    again = time.perf_counter() - started
    context.close()
    return seconds, requests, size, again


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--query", action="append", dest="queries")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    queries = args.queries or ["Kataib Hezbollah", "withdrawal", "Ain al-Asad"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for site in args.sites:
            shards = len(list((site / "pagefind").glob("*/pagefind-entry.json"))) or 1
            server, root = serve(site)
            try:
                for query in queries:
                    runs = [query_cost(browser, root, query) for _ in range(args.runs)]
                    seconds = statistics.median(r[0] for r in runs)
                    again = statistics.median(r[3] for r in runs)
                    requests, size = runs[-1][1], runs[-1][2]
                    said = f"{site} ({shards} shards) '{query}': {seconds * 1000:.0f} ms to a result, "
                    said += f"{requests} requests, {size / 1024:.0f} KiB from pagefind/; "
                    print(f"{said}then 'Baghdad' on the same page: {again * 1000:.0f} ms", flush=True)
            finally:
                server.shutdown()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
