"""``python build.py serve``: a preview that rebuilds on every change and reloads open pages.

The site is built into a preview folder inside the cache folder (so the
published ``_site/`` and its cache are left alone) and served on 127.0.0.1 (or ``--bind``).
A watcher rebuilds when articles, the registry, the configuration or the
templates change; the build is incremental, so an edit shows in a moment.
Served HTML pages get one extra script that asks the server for the build
number and reloads when it changes. A broken article does not stop the server:
every page shows the build's errors until the file is fixed.
"""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from dossier.errors import BuildError, DossierError

HOST = "127.0.0.1"
# The longest request path answered: far longer than any page's address (slugs are at most 64
# characters), far shorter than what the file system would refuse with an error of its own.
MAX_REQUEST_PATH = 2048
ENDPOINT = "/__dossier__/"
RELOAD_SCRIPT = f'<script src="{ENDPOINT}reload.js"></script>'
RELOAD_JS = """// dossier serve: reload this page when the site has been rebuilt.
(function () {
  var seen = null;
  function poll() {
    fetch("ENDPOINTbuild", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (n) {
      if (seen !== null && n !== seen) { window.location.reload(); return; }
      seen = n;
      setTimeout(poll, 700);
    }).catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
""".replace("ENDPOINT", ENDPOINT)


@dataclass
class PreviewState:
    """What the server shows: the build number, and the errors of the last build, if it failed."""

    build: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def succeeded(self) -> None:
        with self.lock:
            self.build += 1
            self.errors = []

    def failed(self, errors: list[str]) -> None:
        with self.lock:
            self.build += 1
            self.errors = errors


def with_reload(html: str) -> str:
    """A served page with the script that reloads it after the next build."""
    return html.replace("</body>", f"{RELOAD_SCRIPT}\n</body>", 1)


def error_page(errors: list[str]) -> str:
    items = "".join(f"<li><pre>{escape(e)}</pre></li>" for e in errors)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title>'
        "<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem}"
        "h1{color:#9b1c1c}pre{white-space:pre-wrap;margin:0}li{margin:.75rem 0}</style></head><body>"
        f"<main><h1>The site could not be built</h1><p>Fix these problems and save; this page reloads "
        f"when the build succeeds.</p><ul>{items}</ul></main>{RELOAD_SCRIPT}</body></html>"
    )


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the preview folder, the reload script and the build number; injects the script."""

    def __init__(self, *args: Any, state: PreviewState, **kwargs: Any) -> None:
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if len(self.path) > MAX_REQUEST_PATH:
            return self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG, "The address is too long for a page.")
        try:
            return self._get()
        except OSError as error:  # a name the file system refuses (a part too long, say): no such page
            if isinstance(error, ConnectionError):
                raise
            return self.send_error(HTTPStatus.BAD_REQUEST, "No page has such an address.")

    def do_HEAD(self) -> None:
        if len(self.path) > MAX_REQUEST_PATH:
            return self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG, "The address is too long for a page.")
        return super().do_HEAD()

    def _get(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == f"{ENDPOINT}build":
            return self._send(str(self.state.build).encode(), "text/plain")
        if path == f"{ENDPOINT}reload.js":
            return self._send(RELOAD_JS.encode(), "text/javascript")
        if self.state.errors and (path.endswith((".html", "/")) or "." not in path.rsplit("/", 1)[-1]):
            return self._send(
                error_page(self.state.errors).encode(), "text/html", HTTPStatus.INTERNAL_SERVER_ERROR
            )
        local = Path(self.translate_path(path))
        if local.is_dir():
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            return self._send(with_reload(local.read_text(encoding="utf-8")).encode(), "text/html")
        missing = Path(self.directory) / "404.html"
        if not local.exists() and missing.is_file():
            page = with_reload(missing.read_text(encoding="utf-8"))
            return self._send(page.encode(), "text/html", HTTPStatus.NOT_FOUND)
        return super().do_GET()

    def _send(self, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # the console shows builds, not requests
        pass


def watched_change(site: Path, output: Path, cache: Path) -> Callable[[Any, str], bool]:
    """A watchfiles filter: changes to the site's inputs, not to the preview or the caches."""
    ignored = (output.resolve(), cache.resolve(), (site / "_site").resolve())

    def relevant(_change: Any, path: str) -> bool:
        resolved = Path(path).resolve()
        if any(resolved.is_relative_to(folder) for folder in ignored):
            return False
        name = resolved.name
        return not (name.startswith(".") or name.endswith(("~", ".swp", ".tmp")) or "__pycache__" in path)

    return relevant


def problems_of(error: DossierError) -> list[str]:
    if isinstance(error, BuildError) and error.problems:
        return [str(p) for p in error.problems]
    return [str(error)]


class PreviewServerIPv6(ThreadingHTTPServer):
    """The preview server on an IPv6 address (``--bind ::1``)."""

    address_family = socket.AF_INET6


def serve(
    site: Path,
    output: Path,
    port: int,
    rebuild: Callable[[], None],
    on_error: Callable[[list[str]], None],
    announce: Callable[[str], None],
    stop: threading.Event | None = None,
    watch_paths: Iterable[Path] | None = None,
    host: str = HOST,
) -> None:
    """Build, serve ``output`` on ``host``:``port`` and rebuild on changes until interrupted."""
    from watchfiles import watch

    state = PreviewState()

    def build_once() -> None:
        try:
            rebuild()
        except DossierError as error:
            state.failed(problems_of(error))
            on_error(state.errors)
        else:
            state.succeeded()

    build_once()
    output.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(PreviewHandler, state=state, directory=str(output))
    server_class = PreviewServerIPv6 if ":" in host else ThreadingHTTPServer
    httpd = server_class((host, port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    shown = f"[{host}]" if ":" in host else host
    announce(f"http://{shown}:{httpd.server_address[1]}/")
    try:
        paths = list(watch_paths or [site])
        relevant = watched_change(site, output, output.parent)
        for _changes in watch(
            *paths, watch_filter=relevant, stop_event=stop, rust_timeout=500, yield_on_timeout=False
        ):
            build_once()
    finally:
        httpd.shutdown()
        httpd.server_close()
