"""Control groups: limits on all the processes of one submission together (memory, processes, CPU).

The grader makes one group per sandbox where this machine lets it (root, or a delegated group;
cgroup v1 or v2), and the sandbox joins it before bubblewrap starts, so every process the
learner's code starts is counted together and killed together. Where no group can be made,
sandbox.py falls back to rlimits per process and says so.
"""

from __future__ import annotations

import os
import signal
import time
import uuid
from functools import lru_cache
from pathlib import Path

from .limits import Limits


class ControlGroup:
    """A cgroup (v1 or v2) for one sandbox, made by the grader; None from make() where none can be made."""

    def __init__(self, version: int, dirs: list[Path]):
        self.version, self.dirs = version, dirs

    @staticmethod
    def make(limits: Limits) -> ControlGroup | None:
        try:
            return ControlGroup._make_v1(limits) or ControlGroup._make_v2(limits)
        except OSError:
            return None

    @staticmethod
    def _own(controller: str) -> str | None:
        """This process's cgroup path in a hierarchy ("" for v2's unified one)."""
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, names, path = line.split(":", 2)
            if controller in names.split(","):
                return path
        return None

    @staticmethod
    def _make_v1(limits: Limits) -> ControlGroup | None:
        base = Path("/sys/fs/cgroup")
        if not (base / "memory" / "memory.limit_in_bytes").exists() or not (base / "pids").is_dir():
            return None
        name, made = f"coursekit-sandbox-{uuid.uuid4().hex[:12]}", []
        try:
            for controller in ("memory", "pids", "cpu"):
                own = ControlGroup._own(controller)
                if own is None or not (base / controller).is_dir():
                    if controller == "cpu":
                        continue
                    raise OSError(f"no {controller} hierarchy")
                folder = base / controller / own.lstrip("/") / name
                folder.mkdir()
                made.append(folder)
            group = ControlGroup(1, made)
            memory = limits.memory_mb * 2**20
            (made[0] / "memory.limit_in_bytes").write_text(str(memory))
            swap = made[0] / "memory.memsw.limit_in_bytes"
            if swap.exists():
                swap.write_text(str(memory))
            (made[1] / "pids.max").write_text(str(limits.processes))
            if len(made) > 2:
                (made[2] / "cpu.cfs_period_us").write_text("100000")
                (made[2] / "cpu.cfs_quota_us").write_text(str(100000 * max(1, limits.threads)))
            return group
        except OSError:
            for folder in made:
                _remove(folder)
            raise

    @staticmethod
    def _make_v2(limits: Limits) -> ControlGroup | None:
        base = Path("/sys/fs/cgroup")
        if not (base / "cgroup.controllers").exists():
            return None
        parent = base / (ControlGroup._own("") or "/").lstrip("/")
        wanted = {"memory", "pids", "cpu"} & set((parent / "cgroup.controllers").read_text().split())
        if not {"memory", "pids"} <= wanted:
            return None
        # Fails (EBUSY) where this process sits in a non-root group with others: then rlimits are used.
        (parent / "cgroup.subtree_control").write_text(" ".join(f"+{c}" for c in sorted(wanted)))
        folder = parent / f"coursekit-sandbox-{uuid.uuid4().hex[:12]}"
        folder.mkdir()
        group = ControlGroup(2, [folder])
        try:
            (folder / "memory.max").write_text(str(limits.memory_mb * 2**20))
            if (folder / "memory.swap.max").exists():
                (folder / "memory.swap.max").write_text("0")
            (folder / "pids.max").write_text(str(limits.processes))
            if "cpu" in wanted:
                (folder / "cpu.max").write_text(f"{100000 * max(1, limits.threads)} 100000")
        except OSError:
            _remove(folder)
            raise
        return group

    @staticmethod
    def sweep(older_than: float = 600.0) -> int:
        """Remove the empty groups that a grader killed before it could clean up left behind; the count.

        A group in use is never removed: the kernel refuses to remove a group with processes in it, and
        one made in the last `older_than` seconds is left alone (its sandbox may be about to join it).
        """
        removed, now = 0, time.time()
        for own_of, base in (("memory", "memory"), ("pids", "pids"), ("cpu", "cpu"), ("", "")):
            try:
                own = ControlGroup._own(own_of)
                folder = Path("/sys/fs/cgroup") / base / (own or "/").lstrip("/")
                for stale in folder.glob("coursekit-sandbox-*"):
                    if (
                        now - stale.stat().st_mtime > older_than
                        and not (stale / "cgroup.procs").read_text().strip()
                    ):
                        stale.rmdir()
                        removed += 1
            except OSError:
                continue
        return removed

    def procs_files(self) -> list[str]:
        return [str(folder / "cgroup.procs") for folder in self.dirs]

    def memory_kills(self) -> int:
        """How many processes of this group the kernel killed for memory so far."""
        try:
            if self.version == 1:
                text = (self.dirs[0] / "memory.oom_control").read_text()
                kills = dict(line.split() for line in text.splitlines() if len(line.split()) == 2)
                if "oom_kill" in kills:
                    return int(kills["oom_kill"])
                return (
                    int((self.dirs[0] / "memory.failcnt").read_text() or 0) > 0
                )  # older kernels: hit the limit
            events = dict(line.split() for line in (self.dirs[0] / "memory.events").read_text().splitlines())
            return int(events.get("oom_kill", 0))
        except (OSError, ValueError):
            return 0

    def kill_all(self) -> None:
        for folder in self.dirs:
            for _ in range(50):  # processes may fork while we kill; a few rounds empty the group
                try:
                    pids = [int(p) for p in (folder / "cgroup.procs").read_text().split()]
                except OSError:
                    break
                if not pids:
                    break
                for pid in pids:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                time.sleep(0.01)

    def remove(self) -> None:
        self.kill_all()
        for folder in self.dirs:
            _remove(folder)


def _remove(folder: Path) -> None:
    for _ in range(100):  # rmdir fails while the last killed processes are being reaped
        try:
            folder.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.02)


@lru_cache(maxsize=1)
def control_groups_available() -> str | None:
    """'cgroup v1' / 'cgroup v2' when this machine lets the grader make control groups, else None."""
    group = ControlGroup.make(Limits())
    if group is None:
        return None
    group.remove()
    return f"cgroup v{group.version}"
