"""Where outputs may be written, and how, so that no user file is ever removed or overwritten.

An output folder is written only when it is new, empty, or a previous corpus_tools output (a
``manifest.json`` of ours and nothing but the names we write). Such a folder is replaced whole:
a staging folder beside it is filled, then swapped in. A folder holding anything else is
refused, unless the caller forces it; then only the tool's own names inside it are replaced, one
by one, the manifest last, and nothing else in it is touched. The same in-place way is used for
the current folder (``--out .``) and its ancestors, which cannot be swapped under the user's feet.

Work folders (staging, checkpoint, retired copies) carry ``corpus_tools-`` in a hidden name, so
they cannot collide with a user's file, and the readers never take them for input.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

MANIFEST = "manifest.json"
OWN_NAMES = ("tables", "charts", "report.html", "report.xlsx", MANIFEST)  # manifest last: it says "complete"
WORK_MARK = "corpus_tools-"
WORK_FOLDER = re.compile(r"\A\..*" + re.escape(WORK_MARK))  # ".out.corpus_tools-checkpoint", ...


class OutputRefused(ValueError):
    """The output folder holds what is not ours: writing there could destroy a user's file."""


@dataclass(frozen=True)
class OutputPlan:
    target: Path
    in_place: bool  # replace our names inside target, instead of swapping the whole folder
    owned: bool = True  # everything in target is ours: our names not written again are removed

    def work_folder(self, kind: str) -> Path:
        """A folder of ours for ``kind`` (checkpoint, staging...): beside the output, or inside it
        when the output is written in place (its parent may be anything: the user's home)."""
        if self.in_place:
            return self.target / f".{WORK_MARK}{kind}"
        return self.target.parent / f".{self.target.name}.{WORK_MARK}{kind}"


def is_work_folder(name: str) -> bool:
    return bool(WORK_FOLDER.match(name))


def is_our_manifest(path: Path) -> bool:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "corpus_tools_version" in manifest


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def plan_output(directory: str | os.PathLike, *, inputs: Iterable[str | os.PathLike] = (),
                force: bool = False) -> OutputPlan:
    """How to write into ``directory``, or OutputRefused saying why not (nothing is written)."""
    target = Path(os.path.abspath(directory))
    for ancestor in [target, *target.parents]:
        if ancestor.exists() and not ancestor.is_dir():
            raise OutputRefused(f"--out {directory} is not a folder: {ancestor} is a file")
    sources = [Path(os.path.abspath(p)) for p in inputs]
    for name in OWN_NAMES:
        for source in sources:
            if _inside(source, target / name):
                raise OutputRefused(f"input {source} would be overwritten by the output {target / name}; "
                                    "choose another --out")
    if not target.exists():
        _probe(next(folder for folder in target.parents if folder.exists()), directory)
        return OutputPlan(target, in_place=False)
    try:
        entries = sorted(entry.name for entry in os.scandir(target) if not is_work_folder(entry.name))
    except OSError as exc:
        raise OutputRefused(f"--out {directory}: cannot read it ({exc.strerror or exc})") from None
    ours = set(entries) <= set(OWN_NAMES) and (not entries or is_our_manifest(target / MANIFEST))
    if not ours and not force:
        # Name what is not ours; where only our names are there, the manifest is someone else's.
        foreign = [name for name in entries if name not in OWN_NAMES] or [MANIFEST]
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise OutputRefused(f"--out {directory} holds files that corpus_tools did not write ({shown}); "
                            "choose a new or empty folder, or add --force to write there (only "
                            f"{', '.join(OWN_NAMES)} are then replaced)")
    in_place = (not ours or target.is_symlink() or _inside(Path.cwd(), target)
                or any(_inside(source, target) for source in sources))
    _probe(target if in_place else target.parent, directory)
    return OutputPlan(target, in_place=in_place, owned=ours)


def _probe(folder: Path, directory) -> None:
    """Fail now, not after the analysis, where nothing can be written (permissions, read-only
    or special file systems): make and remove an empty work folder of ours."""
    try:
        os.rmdir(tempfile.mkdtemp(prefix=f".{WORK_MARK}probe-", dir=folder))
    except OSError as exc:
        raise OutputRefused(f"--out {directory}: cannot write in {folder} ({exc.strerror or exc})") from None


def write_output(plan: OutputPlan, write) -> Path:
    """``write(staging)`` fills a staging folder, then its content replaces ours in the output:
    a reader sees the previous complete output, or the new one (a manifest says complete)."""
    target = plan.target
    parent = target if plan.in_place else target.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=plan.work_folder("staging").name + "-", dir=parent))
    try:
        write(staging)
        if plan.in_place:
            _replace_names(staging, target, plan.owned)
        else:
            _replace_folder(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def remove_stale_work(plan: OutputPlan) -> None:
    """Staging folders left by a killed run (the previous output itself is never touched)."""
    staging = plan.work_folder("staging")
    for stale in staging.parent.glob(f"{staging.name}-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _replace_folder(staging: Path, target: Path) -> None:
    """At every moment ``target`` is complete or absent."""
    if not target.exists():
        os.replace(staging, target)
        return
    retired = target.with_name(f".{target.name}.{WORK_MARK}old-{os.getpid()}")
    shutil.rmtree(retired, ignore_errors=True)
    os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def _replace_names(staging: Path, target: Path, owned: bool) -> None:
    """Our names only, the manifest removed first and written last: no manifest, no complete output.
    Where the folder is all ours, what the previous output had and this one has not goes too."""
    (target / MANIFEST).unlink(missing_ok=True)
    for name in OWN_NAMES:
        new = staging / name
        if not new.exists() and not owned:
            continue
        old = target / name
        retired = target / f".{WORK_MARK}old-{os.getpid()}-{name}"
        if old.exists() or old.is_symlink():
            if retired.exists():
                shutil.rmtree(retired) if retired.is_dir() else retired.unlink()
            os.replace(old, retired)
        if new.exists():
            os.replace(new, old)
        if retired.is_dir() and not retired.is_symlink():
            shutil.rmtree(retired, ignore_errors=True)
        else:
            retired.unlink(missing_ok=True)
