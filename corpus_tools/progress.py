"""What a long run tells its user while it works.

On a terminal: a bar over the input files (their number is known before reading) with the rate
and the time left, the documents analysed beside it, then one message per final step (merging
events, writing the report), which would otherwise pass in silence. Elsewhere (a log, CI): one
plain line per stage, with the elapsed time, when ``log=True`` (the command line); a library call
off a terminal (a notebook, a script, tests) stays silent. ``enabled=False`` says nothing at all.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

PREFIX = "corpus-tools: "


def count_files(inputs) -> int:
    """Files the run will read (a zip counts as one), found without reading them."""
    from pathlib import Path

    from .ingest.readers import iter_files

    return sum(isinstance(entry, Path) for entry in iter_files([str(p) for p in inputs]))


class Progress:
    def __init__(self, enabled: bool | None = None, *, stream: TextIO | None = None, log: bool = False):
        self.stream = stream if stream is not None else sys.stderr
        terminal = bool(getattr(self.stream, "isatty", lambda: False)())
        if enabled is False or not (enabled or terminal or log):
            self.mode = "off"
        else:
            self.mode = "bar" if enabled or terminal else "log"
        self.started = time.monotonic()
        self.bar = None
        self.files = self.documents = 0
        self.total_files = 0

    def _line(self, message: str) -> None:
        if self.mode == "log":
            print(f"{PREFIX}{message} [{time.monotonic() - self.started:.1f} s]", file=self.stream, flush=True)
        elif self.mode == "bar":
            print(f"{message}…", file=self.stream, flush=True)

    def start(self, description: str, total_files: int) -> None:
        """Begin reading ``total_files`` files."""
        self.total_files = total_files
        if self.mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(total=total_files, desc=description, unit=" files", file=self.stream,
                            dynamic_ncols=True, bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} "
                            "files [{elapsed}<{remaining}, {rate_fmt}]{postfix}")
        elif self.mode == "log":
            self._line(f"{description}: {total_files} files")

    def file_done(self) -> None:
        self.files += 1
        if self.bar is not None:
            self.bar.update(1)

    def documents_done(self, count: int) -> None:
        self.documents += count
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.documents} documents", refresh=True)

    def stage(self, message: str) -> None:
        """A step after the reading: the bar is finished and the step named."""
        self._finish_bar()
        self._line(message)

    def _finish_bar(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            return
        if self.mode == "log" and self.total_files and self.files:
            self._line(f"read {self.files} files, {self.documents} documents analysed")
            self.total_files = 0

    def close(self) -> None:
        self._finish_bar()
