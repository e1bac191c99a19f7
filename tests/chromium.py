"""Open a local HTML file in headless Chromium and report what a reader's browser saw.

Talks the DevTools protocol over ``--remote-debugging-pipe`` (file descriptors 3 and 4, messages ending in NUL),
so nothing listens on a network port and no Python package beyond the standard library is needed. Returns the
console errors and uncaught exceptions, whether every image decoded, and a full-page PNG screenshot.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-pipe")
CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


class _Pipe:
    def __init__(self, proc, to_browser: int, from_browser: int):
        self.proc, self.out, self.inp = proc, os.fdopen(to_browser, "wb"), os.fdopen(from_browser, "rb")
        self.next_id, self.buffer, self.events = 0, b"", []

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self.inp.fileno(), 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        self.out.flush()
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)


def inspect(html_file: Path, width: int = 1200, height: int = 900, timeout: float = 60, media: str = "",
            evaluate: str = "", printed: bool = False) -> dict:
    """Load ``html_file``; return ``console_errors`` (list of str), ``images`` (per image: decoded?, natural
    width, box on the page in CSS pixels), ``page_size`` and ``screenshot`` (PNG bytes of the whole page); with
    ``media`` ("print"), the page laid out as for that medium; with ``evaluate``, a JavaScript expression, its value
    as ``evaluated``; with ``printed``, the page printed as a reader's Print would (its own @page size and margins)
    as ``pdf`` (bytes)."""
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("chromium not found")
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    to_browser_r, to_browser_w = os.pipe()
    from_browser_r, from_browser_w = os.pipe()

    def wire():  # in the child: the protocol wants its commands on fd 3 and its answers on fd 4
        os.dup2(to_browser_r, 3)
        os.dup2(from_browser_w, 4)

    proc = subprocess.Popen([browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                             "about:blank"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, preexec_fn=wire, pass_fds=(3, 4))
    os.close(to_browser_r)
    os.close(from_browser_w)
    pipe = _Pipe(proc, to_browser_w, from_browser_r)
    try:
        target = pipe.call("Target.createTarget", {"url": "about:blank"}, timeout=timeout)["targetId"]
        session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            pipe.call(f"{domain}.enable", session=session)
        if media:
            pipe.call("Emulation.setEmulatedMedia", {"media": media}, session=session)
        pipe.call("Page.navigate", {"url": Path(html_file).resolve().as_uri()}, session=session)
        pipe.wait_for("Page.loadEventFired", timeout)
        images = pipe.call("Runtime.evaluate", {"returnByValue": True, "expression": (
            "Array.from(document.images).map(i => { const r = i.getBoundingClientRect();"
            " return {ok: i.complete && i.naturalWidth > 0, width: i.naturalWidth,"
            " box: [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]}; })")},
            session=session)["result"]["value"]
        size = pipe.call("Runtime.evaluate", {"returnByValue": True, "expression": (
            "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")},
            session=session)["result"]["value"]
        shot = pipe.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                     "clip": {"x": 0, "y": 0, "width": size[0], "height": size[1],
                                                              "scale": 1}}, session=session, timeout=timeout)
        evaluated = pipe.call("Runtime.evaluate", {"returnByValue": True, "expression": evaluate},
                              session=session)["result"].get("value") if evaluate else None
        pdf = base64.b64decode(pipe.call("Page.printToPDF", {"preferCSSPageSize": True}, session=session,
                                         timeout=timeout)["data"]) if printed else None
        errors = []
        for event in pipe.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(params.get("exceptionDetails", {}).get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                errors.append(params["entry"].get("text", "error"))
        return {"console_errors": errors, "images": images, "page_size": size, "evaluated": evaluated,
                "screenshot": base64.b64decode(shot["data"]), "pdf": pdf}
    finally:
        try:
            pipe.call("Browser.close", timeout=10)
        except Exception:  # noqa: BLE001 - the browser may already be gone; it is killed below either way
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
