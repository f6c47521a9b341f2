"""The sandbox that runs a submission's code: bubblewrap, limits on the whole process tree, a pipe.

What the learner's code sees (bubblewrap):
- no network (a network namespace of its own), no other process (a PID namespace: every process
  it starts dies with it), no capabilities, a user id that owns nothing outside;
- a read-only view of the Python that runs it (the interpreter and its site-packages) and of the
  runner (runner.py, wire.py) — not coursekit (masked where it is installed), not the solutions,
  the submissions, the grader's --out folder or any other file of this machine;
- a private, size-limited /tmp (and a small /dev/shm), thrown away with the sandbox; everything else
  is read-only.
Limits on the whole submission, not per process: memory and process count through a control group
where this machine lets us make one (root, cgroup v1 or v2), else through rlimits per process (and
`describe()` says which); CPU share; a wall-clock limit per request, enforced by killing the whole
sandbox; bytes of output (stdout and stderr at the descriptor level: there is no kernel, so no
display messages or comms exist); file size.

The grader talks to the runner over two pipes (requests, replies) in wire.py's format and reads
nothing else from the sandbox: it writes no file that the grader ever reads.
"""

from __future__ import annotations

import importlib.util
import os
import selectors
import shutil
import signal
import struct
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path

from . import wire
from .cgroups import ControlGroup, control_groups_available
from .limits import Limits

HERE = Path(__file__).resolve().parent
RUNNER, WIRE = HERE / "runner.py", HERE / "wire.py"
KEPT_OUTPUT_BYTES = 64 * 1024  # what the instructor's record keeps of the learner's printing
SHM_BYTES = 16 * 2**20  # /dev/shm, for the semaphores of multiprocessing; /dev itself is read-only
STARTUP_SECONDS = 60  # the runner's imports (numpy, IPython) on a slow, loaded machine
MAX_REPLY_ARRAY_BYTES = 64 * 2**20  # the grader never reads more than this from one reply
INSTALL_HINT = (
    "bubblewrap is needed to grade in a sandbox: install it (Debian/Ubuntu: sudo apt-get install "
    "bubblewrap; Fedora: sudo dnf install bubblewrap) or grade with --no-sandbox (not for credit)"
)


class SandboxStopped(RuntimeError):
    """The sandbox was stopped or died during a request; `reason` says which limit or failure (the words in
    __init__)."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason  # "time", "memory", "output", "crashed", "protocol", "restarts"


# ---- what this machine offers ------------------------------------------------------------------
@lru_cache(maxsize=1)
def bubblewrap() -> str | None:
    """The path of a working bwrap, or None (missing, or it cannot make namespaces here)."""
    path = shutil.which("bwrap")
    if path is None:
        return None
    try:
        probe = subprocess.run(
            [path, *_namespace_args(), *_system_binds(), "--", "/bin/true"], capture_output=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return path if probe.returncode == 0 else None


def bubblewrap_problem() -> str:
    """Why bubblewrap cannot be used here, in a sentence with what to do."""
    path = shutil.which("bwrap")
    if path is None:
        return INSTALL_HINT
    probe = subprocess.run(
        [path, *_namespace_args(), *_system_binds(), "--", "/bin/true"], capture_output=True, text=True
    )
    return (
        f"bubblewrap ({path}) cannot create its namespaces on this machine: {probe.stderr.strip()[:200]}. "
        "Allow unprivileged user namespaces (kernel.unprivileged_userns_clone=1), run the grader as root, "
        "or grade with --no-sandbox (not for credit)"
    )


def _namespace_args() -> list[str]:
    return [
        "--unshare-all",
        "--unshare-user",
        "--uid",
        "65534",
        "--gid",
        "65534",
        "--disable-userns",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
    ]


def _system_binds() -> list[str]:
    """The system's programs and libraries, read-only (symlinks kept as symlinks, as on merged-/usr)."""
    args = []
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    if os.path.exists("/etc/ld.so.cache"):
        args += ["--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    return args


def _package_root(name: str) -> Path | None:
    """The site-packages folder that holds an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).resolve().parent.parent


@lru_cache(maxsize=1)
def python_roots() -> tuple[list[Path], list[Path]]:
    """(folders to show read-only, extra import folders for the runner): the interpreter and the
    packages answers may use. Only what answers need: NumPy, IPython, and torch and matplotlib
    where installed."""
    roots = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    roots.add(Path(sys.executable).resolve().parent.parent)
    extra = []
    for name in ("numpy", "IPython", "traitlets", "torch", "matplotlib"):
        where = _package_root(name)
        if where is not None and not any(root == where or root in where.parents for root in roots):
            extra.append(where)
    return sorted(roots) + extra, extra


def _coursekit_dir() -> Path:
    return HERE.parent


def describe(limits: Limits, isolated: bool) -> str:
    """The isolation and limits in force, as `coursekit grade` prints them before it starts."""
    groups = control_groups_available()
    where = (
        f"bubblewrap ({bubblewrap()}): no network, no other processes, read-only Python without coursekit, "
        f"private /tmp of {limits.disk_mb} MB"
        if isolated
        else "NOT ISOLATED (--no-sandbox): the learner's code runs as you, sees your files and the network — "
        "not for credit"
    )
    if groups:
        memory = (
            f"memory {limits.memory_mb} MB and {limits.processes} processes for the whole submission "
            f"({groups}), {limits.threads} CPU"
        )
    else:
        memory = (
            f"memory {limits.memory_mb} MB per process and a process-count rlimit (no control group can be "
            "made here: run as root, or on a machine with a delegated cgroup, for limits on the whole "
            "submission)"
        )
    return (
        f"isolation: {where}\nlimits: {memory}; {limits.cell_seconds} s per cell or check and "
        f"{limits.submission_seconds} s per submission (the sandbox is killed after that); "
        f"{limits.output_mb:g} MB of printed output; files up to {limits.disk_mb} MB"
    )


# ---- one sandbox ---------------------------------------------------------------------------
class Sandbox:
    """A runner process for one submission, in bubblewrap (or not, with isolated=False).

    with Sandbox(limits) as box:
        reply, arrays = box.request({"op": "cell", "source": "x = 1"})
    """

    def __init__(self, limits: Limits, isolated: bool = True):
        self.limits, self.isolated = limits, isolated
        self.process: subprocess.Popen | None = None
        self.group: ControlGroup | None = None
        self.output = bytearray()  # the first KEPT_OUTPUT_BYTES of what the learner's code printed
        self.output_bytes = 0  # all of it, counted
        self.start_seconds = 0.0
        self._replies = bytearray()
        self._next_id = 0
        self._memory_kills = 0
        self._workdir: str | None = None

    # -- starting and stopping
    def _command(self, request_fd: int, reply_fd: int) -> list[str]:
        limits = self.limits
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": "/tmp",
            "TMPDIR": "/tmp",
            "LANG": "C.UTF-8",
            "MPLBACKEND": "Agg",
            "MPLCONFIGDIR": "/tmp/.matplotlib",
            "IPYTHONDIR": "/tmp/.ipython",
            "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
            **{
                name: str(limits.threads)
                for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
            },
            # some CPUs need these for OpenBLAS to compute right (see the environment notes)
            **{k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ},
        }
        rlimits = [
            f"--fsize={limits.disk_mb * 2**20}",
            "--core=0",
            "--nofile=256",
            f"--cpu={limits.cell_seconds * 50 + 60}",
        ]  # a safety net; wall clock is the real limit
        if self.group is None:  # no control group: limit each process, and the number of processes
            rlimits += [f"--as={limits.memory_mb * 2**20}", f"--nproc={_process_budget(limits.processes)}"]
        prefix = ["prlimit", *rlimits, "--"] if shutil.which("prlimit") else []
        roots, extra = python_roots()
        python = [
            os.path.abspath(sys.executable),
            "-I",
            "-X",
            "utf8",
        ]  # the sandbox has another working folder
        if not self.isolated:
            return [*prefix, *python, str(RUNNER), str(request_fd), str(reply_fd), *map(str, extra)]
        args = [bubblewrap(), *_namespace_args(), "--clearenv"]
        for name, value in env.items():
            args += ["--setenv", name, value]
        # /tmp first: a Python that lives under /tmp (a course cloned there) is then bound on top of it
        args += [
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--size",
            str(SHM_BYTES),
            "--tmpfs",
            "/dev/shm",
            "--remount-ro",
            "/dev",
            "--size",
            str(limits.disk_mb * 2**20),
            "--tmpfs",
            "/tmp",
        ]
        args += _system_binds()
        for root in roots:
            args += ["--ro-bind", str(root), str(root)]
        coursekit = _coursekit_dir()
        if any(root == coursekit or root in coursekit.parents for root in roots):
            args += ["--tmpfs", str(coursekit), "--remount-ro", str(coursekit)]  # an installed copy: hidden
        args += [
            "--ro-bind",
            str(RUNNER),
            "/runner/runner.py",
            "--ro-bind",
            str(WIRE),
            "/runner/wire.py",
            "--remount-ro",
            "/",  # the root bwrap builds is a tmpfs: only /tmp, with its size limit, is writable
            "--chdir",
            "/tmp",
            "--",
            *python,
            "/runner/runner.py",
            str(request_fd),
            str(reply_fd),
            *map(str, extra),
        ]
        return [*prefix, *args]

    def start(self) -> None:
        began = time.perf_counter()
        self.group = ControlGroup.make(self.limits) if self.isolated else None
        request_read, self._request_write = os.pipe()
        reply_read, reply_write = os.pipe()
        self._output_read, output_write = os.pipe()
        command = self._command(request_read, reply_write)
        if self.group is not None:  # join the group before exec, so every process of the sandbox is in it
            files = self.group.procs_files()
            join = 'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 97; shift; n=$((n-1)); done; exec "$@"'
            command = ["/bin/sh", "-c", join, "sh", str(len(files)), *files, *command]
        if not self.isolated:
            self._workdir = _private_folder()
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output_write,
                stderr=output_write,
                pass_fds=(request_read, reply_write),
                cwd=self._workdir,
                start_new_session=not self.isolated,
                env=None if self.isolated else _plain_env(self.limits),
            )
        finally:
            for fd in (request_read, reply_write, output_write):
                os.close(fd)
        self._reply_read = reply_read
        for fd in (self._reply_read, self._output_read, self._request_write):
            os.set_blocking(fd, False)
        try:
            self._exchange(b"", STARTUP_SECONDS + self.limits.cell_seconds, expect_id=None)
        finally:
            self.start_seconds = time.perf_counter() - began

    def stop(self) -> None:
        """Kill every process of the sandbox and release what it held. Safe to call twice."""
        if self.process is not None and self.process.poll() is None:
            try:
                if self.isolated:
                    self.process.kill()  # bwrap dies; --die-with-parent and the PID namespace take the rest
                else:
                    os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.group is not None:
            self.group.remove()
            self.group = None
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        for name in ("_reply_read", "_output_read", "_request_write"):
            fd = getattr(self, name, None)
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
                setattr(self, name, None)
        if self._workdir:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    # -- talking
    def request(self, header: dict, arrays=(), timeout: float | None = None):
        """Send one request and wait for its reply: (reply header, arrays). Raises SandboxStopped."""
        self._next_id += 1
        message = wire.encode({**header, "id": self._next_id}, arrays)
        return self._exchange(message, timeout or self.limits.cell_seconds, expect_id=self._next_id)

    def memory_kill_since_last_asked(self) -> bool:
        """Whether the memory limit killed a process (a child: the runner answered) since the last call."""
        kills = self.group.memory_kills() if self.group is not None else 0
        new, self._memory_kills = kills > self._memory_kills, kills
        return new

    def _exchange(self, message: bytes, timeout: float, expect_id):
        deadline = time.monotonic() + timeout
        pending = memoryview(message)
        selector = selectors.DefaultSelector()
        selector.register(self._reply_read, selectors.EVENT_READ, "reply")
        selector.register(self._output_read, selectors.EVENT_READ, "output")
        if pending:
            selector.register(self._request_write, selectors.EVENT_WRITE, "request")
        try:
            while True:
                reply = self._parse_reply()
                if reply is not None:
                    header, arrays = reply
                    if header.get("id") != expect_id:
                        self._stop_with("protocol", "the sandbox answered out of turn")
                    return header, arrays
                left = deadline - time.monotonic()
                if left <= 0:
                    self._stop_with("time", f"it ran longer than {timeout:g} s")
                for key, _ in selector.select(min(left, 1.0)):
                    if key.data == "request":
                        try:
                            sent = os.write(self._request_write, pending[:65536])
                        except BrokenPipeError:
                            self._died()
                        pending = pending[sent:]
                        if not pending:
                            selector.unregister(self._request_write)
                    elif key.data == "output":
                        self._drain_output()
                    else:
                        chunk = _read(self._reply_read)
                        if chunk == b"":
                            self._died()
                        self._replies += chunk or b""
                        if len(self._replies) > wire.MAX_HEADER_BYTES + MAX_REPLY_ARRAY_BYTES + 4:
                            self._stop_with("protocol", "the sandbox sent more than a reply may hold")
        finally:
            selector.close()

    def _parse_reply(self):
        """A whole reply from the buffer when one is there; the sizes are checked before reading."""
        if len(self._replies) < 4:
            return None
        (length,) = struct.unpack(">I", self._replies[:4])
        try:
            if length > wire.MAX_HEADER_BYTES:
                raise wire.WireError(f"a reply header of {length} bytes")
            if len(self._replies) < 4 + length:
                return None
            header, layout = wire.parse_header(bytes(self._replies[4 : 4 + length]), MAX_REPLY_ARRAY_BYTES)
        except wire.WireError as error:
            self._stop_with("protocol", f"the sandbox broke the reply format ({error})")
        size = 4 + length + sum(n for _, _, n in layout)
        if len(self._replies) < size:
            return None
        with memoryview(self._replies) as view:  # one copy per array, straight out of the buffer
            arrays = [array.copy() for array in wire.decode_arrays(view[4 + length : size], layout)]
        del self._replies[:size]
        return header, arrays

    def _drain_output(self) -> None:
        chunk = _read(self._output_read)
        if not chunk:
            return
        self.output_bytes += len(chunk)
        room = KEPT_OUTPUT_BYTES - len(self.output)
        if room > 0:
            self.output += chunk[:room]
        if self.output_bytes > self.limits.output_mb * 1e6:
            self._stop_with("output", f"it printed more than {self.limits.output_mb:g} MB")

    def _died(self):
        """The runner is gone: say why (memory, a signal, an exit code)."""
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        for _ in range(20):  # take what it printed last
            if not _readable(self._output_read):
                break
            self._drain_output()
        if self.group is not None and self.group.memory_kills() > 0:
            self._stop_with("memory", f"it used more than {self.limits.memory_mb} MB of memory")
        # bwrap reports a signal that ended the runner as exit code 128 + the signal's number
        number = (
            -code
            if code is not None and code < 0
            else code - 128
            if code is not None and code > 128
            else None
        )
        how = (
            f"killed by signal {signal.Signals(number).name}"
            if number in signal.Signals._value2member_map_
            else f"exit code {code}"
        )
        if number == signal.SIGKILL and self.group is None:
            how += " (possibly out of memory)"
        self._stop_with("crashed", f"its process ended ({how})")

    def _stop_with(self, reason: str, detail: str):
        self.stop()
        raise SandboxStopped(reason, detail)


def _read(fd: int) -> bytes | None:
    try:
        return os.read(fd, 65536)
    except BlockingIOError:
        return None
    except OSError:
        return b""


def _readable(fd: int) -> bool:
    selector = selectors.DefaultSelector()
    try:
        selector.register(fd, selectors.EVENT_READ)
        return bool(selector.select(0))
    except (OSError, ValueError):
        return False
    finally:
        selector.close()


def _process_budget(processes: int) -> int:
    """RLIMIT_NPROC counts every process of the user: allow what runs now plus the sandbox's share."""
    try:
        uid = os.getuid()
        mine = sum(1 for entry in os.scandir("/proc") if entry.name.isdigit() and _owner(entry.path) == uid)
    except OSError:
        mine = 0
    return mine + processes


def _owner(path: str) -> int | None:
    try:
        return os.stat(path).st_uid
    except OSError:
        return None


def _private_folder() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="coursekit-nosandbox-")


def _plain_env(limits: Limits) -> dict:
    threads = str(limits.threads)
    return {
        **os.environ,
        "OMP_NUM_THREADS": threads,
        "OPENBLAS_NUM_THREADS": threads,
        "MKL_NUM_THREADS": threads,
        "MPLBACKEND": "Agg",
        "PYTHONHASHSEED": "0",
    }
