"""A server's printer: one Chromium kept warm on a thread of its own, so a click on the profile's
button waits for its brief, not for a browser to start and read plotly.js.

Streamlit makes a download on whichever worker thread is free, and Playwright's objects belong
to the thread that made them: every brief is printed on the one thread the Service owns, one at a
time. The thread and its Chromium stop after `idle` seconds without work, and start again with
the next brief; a brief that fails closes the browser, so the next one starts a fresh one."""

from __future__ import annotations

import contextlib
import queue
import threading
from concurrent.futures import Future

from .render import Printer

IDLE_SECONDS = 300.0
WAIT_SECONDS = 180.0
STOP = ("", None)  # the job that ends the thread


class Service:
    def __init__(self, idle: float = IDLE_SECONDS) -> None:
        self.idle = idle
        self._jobs: queue.Queue[tuple[str, Future | None]] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        with self._lock:
            return self._thread is not None

    def pdf(self, document: str) -> bytes:
        """`document` printed on the service's thread (its errors raised here)."""
        done: Future = Future()
        with self._lock:  # a thread that is stopping has checked the queue under this lock
            if self._thread is None:
                self._start()
            self._jobs.put((document, done))
        return done.result(timeout=WAIT_SECONDS)

    def _start(self) -> None:  # under the lock
        self._thread = threading.Thread(target=self._work, name="brief-printer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Close the Chromium and end the thread once the briefs asked for are printed."""
        with self._lock:
            thread = self._thread
            if thread is not None:
                self._jobs.put(STOP)
        if thread is not None:
            thread.join(timeout=WAIT_SECONDS)

    def _work(self) -> None:
        printer: Printer | None = None
        try:
            while True:
                try:
                    document, done = self._jobs.get(timeout=self.idle)
                except queue.Empty:
                    with self._lock:
                        if self._jobs.empty():
                            self._thread = None
                            return
                    continue
                if (document, done) == STOP:
                    return
                try:
                    if printer is None:
                        printer = Printer().__enter__()
                    done.set_result(printer.pdf(document))
                except Exception as err:  # said to the caller; the next brief starts afresh
                    done.set_exception(err)
                    if printer is not None:
                        _close(printer)
                        printer = None
        finally:
            if printer is not None:
                _close(printer)
            with self._lock:  # however it ends, a brief still asked for gets a thread
                if self._thread is threading.current_thread():
                    self._thread = None
                    if not self._jobs.empty():
                        self._start()


def _close(printer: Printer) -> None:
    with contextlib.suppress(Exception):  # a browser that died took its connection with it
        printer.__exit__(None, None, None)
