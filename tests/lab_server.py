"""JupyterLab started the way the README tells a learner to (`make lab`), isolated for a test.

`LabServer` is a context manager: it runs `make lab` from the repository root on a free loopback
port with a random token, in its own process group, with every piece of Jupyter state (runtime
files, settings, workspaces, checkpoints, IPython profile) in a temporary folder, so a test
neither reads nor changes the user's own JupyterLab, nor leaves files in the course's folders.
On exit it asks the server to shut down (which stops its kernels), then terminates the process
group, and finally kills anything it started that is still alive; `leftovers` names those, so a
test can insist that nothing had to be killed.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil  # a dependency of ipykernel, pinned in requirements.lock

ROOT = Path(__file__).resolve().parents[1]

# The user settings a test session runs with (JupyterLab 4 plugin ids and their schema's fields).
SETTINGS = {
    # A test must never write the committed notebook; a learner's JupyterLab saves every 120 s.
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # No news feed, no update check: both would contact jupyter.org (and the "would you like news?"
    # toast would cover the notebook in the screenshot).
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # The extension manager lists extensions from PyPI; the course needs none.
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def venv_is_ready() -> bool:
    """Whether `make lab` would start JupyterLab without first re-installing .venv/."""
    # `make --question` runs nothing; exit status 0 means the target is up to date.
    return (
        subprocess.run(
            ["make", "--question", ".venv/.ready"],
            cwd=ROOT,
            env=_make_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ).returncode
        == 0
    )


def _make_env() -> dict[str, str]:
    # Under `make test` the variables of the outer make would leak into this one (its level, its
    # flags, a jobserver): start it as a learner would, from a plain shell.
    return {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}


class LabServer:
    """`make lab` on 127.0.0.1 with its own state in `state_dir` (a fresh, empty folder); use it in
    a `with` block.

    Attributes once started: `port`, `token`, `url(path)` (with the token), `log()` (stdout and
    stderr so far), and after exit `leftovers` (descriptions of processes that had to be killed).
    """

    def __init__(self, state_dir: Path, start_timeout: float = 60.0, extra_args: tuple[str, ...] = ()):
        self.state_dir = Path(state_dir)
        self.extra_args = tuple(extra_args)  # more `jupyter lab` options, e.g. --ServerApp.root_dir=...
        self.start_timeout = start_timeout
        self.port = free_port()
        self.token = secrets.token_hex(24)
        # Every process started from here inherits this variable: how we find them all again,
        # kernels included (jupyter_client starts each kernel in a session of its own).
        self._marker = ("COURSE_LAB_TEST", secrets.token_hex(8))
        self._log_path = self.state_dir / "jupyterlab.log"
        self._process: subprocess.Popen | None = None
        self.leftovers: list[str] = []

    # -- what a test uses -------------------------------------------------------------------
    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}?token={self.token}"

    def root_dir(self) -> Path:
        """The folder the server serves (its file browser's top), from the server's own info file."""
        # `jupyter lab FILE` serves FILE's folder unless a root dir is given: ask, do not assume.
        info_files = list((self.state_dir / "runtime").glob("jpserver-*.json"))
        assert len(info_files) == 1, f"expected one server info file, found {info_files}"
        return Path(json.loads(info_files[0].read_text())["root_dir"])

    def lab_url(self, file: Path, workspace: str | None = None) -> str:
        """The JupyterLab address that opens `file` (a path on disk under the server's root), in a
        workspace of its own when named (a new one opens nothing else: no tab of an earlier page)."""
        where = f"lab/workspaces/{workspace}/" if workspace else "lab/"
        return self.url(f"{where}tree/{Path(file).resolve().relative_to(self.root_dir()).as_posix()}")

    def log(self) -> str:
        return self._log_path.read_text(errors="replace") if self._log_path.exists() else ""

    # -- start ------------------------------------------------------------------------------
    def __enter__(self) -> LabServer:
        settings_dir = self.state_dir / "settings"
        for name, values in SETTINGS.items():
            path = settings_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env = _make_env()
        env.update(
            {
                "JUPYTER_CONFIG_DIR": str(self.state_dir / "config"),  # no user jupyter_*_config.py
                "JUPYTER_DATA_DIR": str(self.state_dir / "data"),  # the kernelspec is in .venv
                "JUPYTER_RUNTIME_DIR": str(self.state_dir / "runtime"),  # server and kernel files
                "IPYTHONDIR": str(self.state_dir / "ipython"),  # no user profile or history
                self._marker[0]: self._marker[1],
            }
        )
        lab_args = " ".join(
            [
                "--no-browser",
                "--ServerApp.ip=127.0.0.1",
                f"--IdentityProvider.token={self.token}",
                "--ServerApp.port_retries=0",  # fail on a taken port rather than quietly use another
                f"--LabApp.user_settings_dir={settings_dir}",
                f"--LabApp.workspaces_dir={self.state_dir / 'workspaces'}",
                # JupyterLab checkpoints a notebook as it opens it, into .ipynb_checkpoints/ beside it;
                # an absolute folder keeps the course's folders as they were.
                f"--FileCheckpoints.checkpoint_dir={self.state_dir / 'checkpoints'}",
                *self.extra_args,
            ]
        )
        with open(self._log_path, "wb") as log:
            self._process = subprocess.Popen(
                ["make", "lab", f"PORT={self.port}", f"LAB_ARGS={lab_args}"],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # its own process group, so it stops with its children
        try:
            self._wait_until_up()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"`make lab` exited with status {self._process.returncode}:\n" + self.log()
                )
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=2) as response:
                    # The info file (with the served folder) is written as the server starts.
                    if response.status == 200 and any((self.state_dir / "runtime").glob("jpserver-*.json")):
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass  # not listening yet
            time.sleep(0.25)
        raise RuntimeError(
            f"JupyterLab did not answer within {self.start_timeout:.0f} s. Its log:\n{self.log()}"
        )

    # -- stop -------------------------------------------------------------------------------
    def __exit__(self, *exc_info) -> None:
        if self._process is None:
            return
        self._shutdown_politely()
        self._stop_process_group()
        self._kill_what_is_left()

    def _shutdown_politely(self) -> None:
        # The server's own shutdown stops its kernels first, as closing JupyterLab would.
        if self._process.poll() is not None:
            return
        request = urllib.request.Request(self.url("api/shutdown"), method="POST")
        try:
            urllib.request.urlopen(request, timeout=5).close()
            self._process.wait(timeout=15)
        except (urllib.error.URLError, ConnectionError, TimeoutError, subprocess.TimeoutExpired):
            pass  # the next step is less polite

    def _stop_process_group(self) -> None:
        # SIGTERM lets jupyter stop its kernels; SIGKILL is for a group that ignores it.
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self._process.pid, sig)
            except ProcessLookupError:
                return  # the whole group is gone
            deadline = time.monotonic() + 5
            while self._group_alive() and time.monotonic() < deadline:
                time.sleep(0.1)

    def _group_alive(self) -> bool:
        self._process.poll()  # reap make itself, which would otherwise linger as a zombie
        try:
            os.killpg(self._process.pid, 0)  # signal 0: only asks whether any member exists
        except ProcessLookupError:
            return False
        return True

    def _started_by_us(self) -> list[psutil.Process]:
        found = []
        for process in psutil.process_iter():
            try:
                if process.environ().get(self._marker[0]) == self._marker[1]:
                    found.append(process)
            except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
                continue  # not ours to read, or already gone
        return found

    def _kill_what_is_left(self) -> None:
        # A kernel notices a dead server within about a second (JPY_PARENT_PID) and exits; give
        # it that chance, then kill whatever still runs, and say so.
        deadline = time.monotonic() + 3
        survivors = self._started_by_us()
        while survivors and time.monotonic() < deadline:
            time.sleep(0.2)
            survivors = self._started_by_us()
        for process in survivors:
            try:
                self.leftovers.append(" ".join(process.cmdline()) or process.name())
                process.kill()
            except (psutil.NoSuchProcess, psutil.ZombieProcess):
                continue
        psutil.wait_procs(survivors, timeout=5)
