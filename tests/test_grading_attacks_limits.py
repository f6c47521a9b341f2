"""Attacks on the grader's limits and on the batch: each may cost the attacker their own question, nothing more.

What this proves, with real submissions graded through the real sandbox (bubblewrap, a control group):
1. escaping limits: a cell or a function that never ends, children that try to outlive the sandbox,
   fork and thread floods, memory spread over child processes, startup files meant for a fresh sandbox,
   a full disk: the attack's own question gets 0, every other question is graded, and the grader says why;
2. flooding: output at the descriptor level or through print, display() and comms (there is no kernel),
   forged replies on the reply pipe: the grader's own memory stays bounded and grading goes on;
3. killing the grader or its worker, from inside (a signal to the parent, to every process) and from
   outside (SIGKILL mid-batch, then --resume), and a crash of one submission in a batch of several;
4. the batch and the gradebook: links and FIFOs, look-alike names, formula and Markdown injection in
   names, submissions never written, an --out folder that is not ours;
5. --no-sandbox rows are marked, and without bubblewrap `grade` refuses and says what to do.

Where it is safe, the same attack is also run with `isolated=False` (`--no-sandbox`: the same runner as a
plain subprocess with per-process rlimits) to show that the test can fail: the attack succeeds there.
Each test names, in a one-line comment, the part of the design that stops it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from grading_helpers import (
    FULL,
    LIMITS,
    NOTEBOOK,
    OPTIONS,
    RIGHT_ELMAN,
    ROOT,
    SLOW_CELL,
    SOLUTIONS,
    WRONG_ELMAN,
    grade,
    needs_sandbox,
    points,
    right_jordan,
    solution,
    with_cells,
    words,
    write,
)

from coursekit.grading.batch import grade_all
from coursekit.grading.cgroups import control_groups_available
from coursekit.grading.grade import NOT_ISOLATED, SubmissionResult
from coursekit.grading.gradebook import feedback_markdown, gradebook_csv
from coursekit.grading.sandbox import MAX_REPLY_ARRAY_BYTES

pytestmark = needs_sandbox

FULL_POINTS = {"elman_step": 2, "jordan_step": 2, "which_form_remembers_more": 1, "shape_of_w_xh": 1}
MB = 2**20


def indented(source: str) -> str:
    return "\n".join("    " + line for line in source.splitlines()) + "\n"


def only_lost(result, question: str) -> None:
    """The attack cost exactly its own question: every other one has full points, and nothing broke."""
    assert result.error == "", result.error
    got = points(result)
    assert got[question] == 0, words(result)
    assert {q: p for q, p in got.items() if q != question} == {
        q: p for q, p in FULL_POINTS.items() if q != question
    }, words(result)


def all_full(result) -> None:
    assert result.error == "" and points(result) == FULL_POINTS, words(result)


# ---- processes on this machine ----------------------------------------------------------------------
def processes_with(marker: bytes) -> list[int]:
    """Processes of this machine whose command line holds marker."""
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                with open(f"/proc/{entry.name}/cmdline", "rb") as handle:
                    if marker in handle.read():
                        found.append(int(entry.name))
            except OSError:
                pass
    return found


def wait_until_gone(marker: bytes, seconds: float = 5.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := processes_with(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, start time) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return int(fields[1]), int(fields[19])
    except (OSError, IndexError, ValueError):
        return None


def descendants(root: int) -> dict[int, int]:
    """{pid: start time} of every process under root (seen through /proc, from outside any namespace)."""
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (info := _stat(int(entry.name))) is not None:
            parents[int(entry.name)] = info
    found, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, started) in parents.items():
            if ppid == parent and pid not in found:
                found[pid] = started
                frontier.append(pid)
    return found


def cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def sandbox_cgroups(pids) -> set[Path]:
    """The control-group folders (coursekit-sandbox-*) these processes are in."""
    found = set()
    for pid in pids:
        try:
            lines = Path(f"/proc/{pid}/cgroup").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            _, controllers, path = line.split(":", 2)
            if "coursekit-sandbox-" in path:
                for name in controllers.split(",") if controllers else [""]:
                    found.add(Path("/sys/fs/cgroup", name, path.lstrip("/")))
    return {folder for folder in found if folder.is_dir()}


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- the command line ---------------------------------------------------------------------------------
def cli(*args, timeout=180, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "grade", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def cli_args(submissions, out, *extra):
    return [submissions, "--source", SOLUTIONS, "--out", out, "--quiet", *extra]


def rows(out: Path) -> dict[str, dict]:
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def row_points(row: dict) -> dict:
    return {q: float(row[q]) for q in FULL_POINTS}


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under folder: (bytes for plain files, modification time), without following links."""
    found = {}
    for path in sorted(Path(folder).rglob("*")):
        info = os.lstat(path)
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        found[str(path)] = (content, info.st_mtime_ns, info.st_mode)
    return found


# =====================================================================================================
# 1. Escaping limits
# =====================================================================================================
TIME_ATTACKS = {
    "SIGINT ignored, endless loop": (
        "jordan_step_answer",
        "import signal\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n" + right_jordan(),
    ),
    "KeyboardInterrupt swallowed": (
        "jordan_step_answer",
        "while True:\n    try:\n        while True:\n"
        "            pass\n    except KeyboardInterrupt:\n        pass\n" + right_jordan(),
    ),
    "time.sleep(60)": ("jordan_step_answer", "import time\ntime.sleep(60)\n" + right_jordan()),
    "endless function body": (
        "elman_step_answer",
        "def elman_step(x_t, h_prev, W_xh, W_hh, b):\n    import signal\n"
        "    signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "    while True:\n        pass\n",
    ),
}


@pytest.mark.parametrize("attack", list(TIME_ATTACKS))
def test_time_limit_stops_cells_and_functions_that_never_end(tmp_path, attack):
    # Stopped by: the wall-clock limit per cell or check, enforced by killing the whole sandbox (no signal
    # to ignore), then a fresh sandbox that replays the earlier cells.
    cell, source = TIME_ATTACKS[attack]
    began = time.monotonic()
    result = grade(write(tmp_path, "slow.ipynb", with_cells(**{cell: source})))
    question = cell.removesuffix("_answer")
    only_lost(result, question)
    assert f"ran longer than {LIMITS.cell_seconds} s" in words(result)
    assert time.monotonic() - began < 4 * LIMITS.cell_seconds + 30


OUTLIVE_MARKER = f"outlive-{uuid.uuid4().hex}"
OUTLIVE = {
    "Popen in a new session": "import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', "
    f"'import time; time.sleep(300)', '{OUTLIVE_MARKER}'], start_new_session=True)\n",
    "double fork and setsid": "import os, sys\npid = os.fork()\nif pid == 0:\n    os.setsid()\n    if "
    "os.fork() == 0:\n"
    "        os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(300)', "
    f"'{OUTLIVE_MARKER}'])\n    os._exit(0)\nos.waitpid(pid, 0)\n",
}


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "unsandboxed-proof"])
@pytest.mark.parametrize("attack", list(OUTLIVE))
def test_children_do_not_outlive_the_sandbox(tmp_path, attack, isolated):
    # Stopped by: the sandbox's PID namespace (with --die-with-parent) and the control group, both killed whole.
    marker = OUTLIVE_MARKER.encode()
    assert processes_with(marker) == []
    try:
        notebook = with_cells(jordan_step_answer=OUTLIVE[attack] + right_jordan())
        result = grade(write(tmp_path, "outlive.ipynb", notebook), isolated=isolated)
        all_full(result)  # the children did start and the cell went on
        if isolated:
            assert wait_until_gone(marker) == [], "processes left after grading"
        else:  # proof: without the sandbox, the process group is killed, but a new session escapes it
            time.sleep(1)
            assert processes_with(marker), (
                "without the sandbox the child should have survived: the test proves nothing"
            )
    finally:
        for pid in processes_with(marker):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


FORK_MARKER = f"fork-loop-{uuid.uuid4().hex}"
FLOODS = {
    # a fork loop in a child: bounded by the control group's pids.max; the cell then waits (time limit)
    "fork loop in a child": (
        "import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', 'import os\\n"
        "while True:\\n    try:\\n        os.fork()\\n    except OSError:\\n        pass\\n', "
        f"'{FORK_MARKER}'])\ntime.sleep(60)\n",
        0,
    ),
    # threads in the runner itself: refused beyond the limit, and the cell goes on
    "1000 threads": (
        "import threading, time\nstarted = refused = 0\nfor _ in range(1000):\n    try:\n"
        "        threading.Thread(target=time.sleep, args=(30,), daemon=True).start()\n"
        "        started += 1\n    except RuntimeError:\n        refused += 1\n"
        "print('threads', started, 'refused', refused)\n",
        2,
    ),
}


@pytest.mark.skipif(
    control_groups_available() is None,
    reason="no control group here: a fork loop would only meet per-process rlimits, which do not bind root",
)
@pytest.mark.parametrize("attack", list(FLOODS))
def test_forks_and_threads_beyond_the_limit(tmp_path, attack):
    # Stopped by: the control group's pids limit (all the sandbox's tasks), the time limit, and killing the
    # whole group. No unsandboxed proof: a fork loop outside a control group could bring the machine down.
    source, jordan = FLOODS[attack]
    began = time.monotonic()
    result = grade(write(tmp_path, "flood.ipynb", with_cells(jordan_step_answer=source + right_jordan())))
    assert time.monotonic() - began < 60
    assert result.error == "" and points(result) == {**FULL_POINTS, "jordan_step": jordan}, words(result)
    if jordan == 0:
        assert f"ran longer than {LIMITS.cell_seconds} s" in words(result)
        assert wait_until_gone(FORK_MARKER.encode()) == [], "forked processes outlived the sandbox"
    else:
        started, refused = map(int, re.search(r"threads (\d+) refused (\d+)", result.output).groups())
        assert started < LIMITS.processes and refused > 0


MEMORY_IN_CHILDREN = (
    "import subprocess, sys\n"
    "grab = \"import time; b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096]); print('ok', "
    "flush=True); "
    'time.sleep(1)"\n'
    "children = [subprocess.Popen([sys.executable, '-c', grab], stdout=subprocess.PIPE) for _ in range(3)]\n"
    "results = [(child.stdout.read(), child.wait()) for child in children]\n"
    "print(results)\n"
    "if all(out == b'ok\\n' and code == 0 for out, code in results):\n" + indented(RIGHT_ELMAN)
)


@pytest.fixture(scope="module")
def memory_in_children(tmp_path_factory):
    path = write(
        tmp_path_factory.mktemp("memory"), "memory.ipynb", with_cells(elman_step_answer=MEMORY_IN_CHILDREN)
    )
    return {
        isolated: grade(
            path, isolated=isolated, limits=replace(LIMITS, memory_mb=600, cell_seconds=SLOW_CELL)
        )
        for isolated in (True, False)
    }


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "unsandboxed-proof"])
def test_memory_limit_covers_all_child_processes(memory_in_children, isolated):
    # Stopped by: the control group's memory limit on all the sandbox's processes together (600 MB here);
    # a per-process rlimit of 600 MB lets three children of 300 MB each through (the proof).
    result = memory_in_children[isolated]
    if isolated:
        only_lost(result, "elman_step")  # elman_step is defined only when all three children got their memory
    else:
        assert points(result)["elman_step"] == 2, words(result)


def test_memory_kill_of_a_child_is_named_in_the_notes(memory_in_children):
    # The note says why the answer failed: a child was killed by the memory limit of the whole submission.
    assert "killed for using more than 600 MB" in words(memory_in_children[True]), words(
        memory_in_children[True]
    )


STARTUP_WRITER = """import json, os
right = '''import numpy as np
{jordan}
'''
for home in {{os.path.expanduser('~/.ipython'), os.environ.get('IPYTHONDIR', '/tmp/.ipython')}}:
    os.makedirs(f'{{home}}/profile_default/startup', exist_ok=True)
    with open(f'{{home}}/profile_default/startup/00-answer.py', 'w') as f:
        f.write(right)
    with open(f'{{home}}/profile_default/ipython_config.py', 'w') as f:
        f.write('c.InteractiveShellApp.exec_files = [' + repr(f'{{home}}/profile_default/startup/00-answer.py') + ']\\n')
spec = os.path.expanduser('~/.local/share/jupyter/kernels/python3')
os.makedirs(spec, exist_ok=True)
with open(f'{{spec}}/kernel.json', 'w') as f:
    json.dump({{'argv': ['python3', '-c', right], 'display_name': 'Python 3', 'language': 'python'}}, f)
{then}
"""  # noqa: E501 -- a program written into the sandbox, kept as it runs


@pytest.mark.parametrize(
    "then",
    ["os._exit(1)", "exec(open(f'{home}/profile_default/startup/00-answer.py').read())"],
    ids=["exit for a fresh sandbox", "payload run by hand (proof)"],
)
def test_startup_files_and_kernel_spec_written_in_the_sandbox_vanish(tmp_path, then):
    # Stopped by: there is no kernel and no IPython app (the runner makes a bare InteractiveShell, which runs
    # no startup file), and the home is the sandbox's private /tmp, thrown away with it. The exit forces a
    # fresh sandbox; jordan_step is defined only by the startup file, and running that file by hand does define
    # it (the proof that the payload works). No unsandboxed run: it would write into this machine's real home.
    source = STARTUP_WRITER.format(jordan=right_jordan().replace("\\", "\\\\"), then=then)
    result = grade(write(tmp_path, "startup.ipynb", with_cells(jordan_step_answer=source)))
    if then.startswith("exec"):
        all_full(result)
        return
    only_lost(result, "jordan_step")
    assert "exit code 1" in words(result) and "no function named `jordan_step`" in words(result)


DISK_FILLER = (
    "written = 0\n"
    "try:\n"
    "    for i in range(3):\n"
    "        with open(f'fill{i}.bin', 'wb') as handle:  # the working folder: /tmp in the sandbox\n"
    "            for _ in range(100):\n"
    "                written += handle.write(b'x' * 2**20)\n"
    "except OSError as error:\n"
    "    print('write failed:', error)\n"
    "if written == 300 * 2**20:\n" + indented(RIGHT_ELMAN)
)


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "unsandboxed-proof"])
def test_disk_filling_fails_in_the_private_tmp_and_grading_goes_on(tmp_path, isolated):
    # Stopped by: the sandbox's private /tmp of Limits.disk_mb (128 MB) and the file-size rlimit; unsandboxed, the
    # files go into a temporary working folder (removed after) and all 300 MB are written (the proof).
    result = grade(
        write(tmp_path, "disk.ipynb", with_cells(elman_step_answer=DISK_FILLER)),
        isolated=isolated,
        limits=replace(LIMITS, disk_mb=128, cell_seconds=SLOW_CELL),
    )
    if isolated:
        only_lost(result, "elman_step")
        assert re.search(r"No space left on device|File too large", result.output), result.output
    else:
        assert points(result)["elman_step"] == 2, words(result)


# =====================================================================================================
# 2. Flooding: the grader's memory stays bounded and grading goes on
# =====================================================================================================
def graded_with_bounded_memory(tmp_path, prefix: str):
    before = max_rss_mb()
    result = grade(write(tmp_path, "flood.ipynb", with_cells(jordan_step_answer=prefix + right_jordan())))
    assert max_rss_mb() - before < 200, f"the grader grew by {max_rss_mb() - before:.0f} MB"
    return result


OUTPUT_FLOODS = {
    "os.write(1, 1 MB) x 500": "import os\nfor _ in range(500):\n    os.write(1, b'x' * 2**20)\n",
    "print 200 MB": "print('x' * 200_000_000)\n",
    "stderr 200 MB": "import sys\nsys.stderr.write('x' * 200_000_000)\n",
}


@pytest.mark.parametrize("attack", list(OUTPUT_FLOODS))
def test_output_floods_stop_the_cell_at_the_output_limit(tmp_path, attack):
    # Stopped by: the grader counts the bytes of fds 1 and 2 as they come, keeps only the first 64 KB, and kills
    # the sandbox past Limits.output_mb. No unsandboxed proof: the same count applies without the sandbox.
    result = graded_with_bounded_memory(tmp_path, OUTPUT_FLOODS[attack])
    only_lost(result, "jordan_step")
    assert f"printed more than {LIMITS.output_mb:g} MB" in words(result)
    assert len(result.output) <= 64 * 1024


def test_an_output_flood_costs_only_its_own_question_when_later_cells_print(tmp_path):
    # The flood costs jordan_step only: a fresh sandbox has a fresh output budget, so a quiz cell after it
    # that prints one line keeps its point (the budget is per sandbox, and sandboxes per submission are few).
    notebook = with_cells(
        jordan_step_answer=OUTPUT_FLOODS["print 200 MB"] + right_jordan(),
        which_form_remembers_more_answer='print("my answer: b")\nanswer("which_form_remembers_more", "b")',
    )
    only_lost(grade(write(tmp_path, "chatty.ipynb", notebook)), "jordan_step")


DISPLAYS = {
    "display 50 MB HTML and Image": "from IPython.display import HTML, Image, display\n"
    "display(HTML('x' * 50_000_000))\n"
    "display(Image(data=b'\\x89PNG\\r\\n\\x1a\\n' + b'x' * 50_000_000, format='png'))\n",
    "1000 update_display": "from IPython.display import HTML, display, update_display\n"
    "display(HTML('a'), display_id='d')\n"
    "for i in range(1000):\n    update_display(HTML('b' * 10_000), display_id='d')\n",
    "an ipykernel Comm": "import warnings\nwarnings.simplefilter('ignore')\nfrom ipykernel.comm import Comm\n"
    "comm = Comm(target_name='x', data={'a': 'b' * 10**7})\ncomm.send({'x': 'y' * 10**7})\n",
}


@pytest.mark.parametrize("attack", list(DISPLAYS))
def test_display_and_comms_have_no_kernel_to_reach(tmp_path, attack):
    # Stopped by: there is no kernel and no display channel; display() prints a short repr to stdout, which is
    # counted like any output.
    result = graded_with_bounded_memory(tmp_path, DISPLAYS[attack])
    assert result.error == "" and {q: p for q, p in points(result).items() if q != "jordan_step"} == {
        q: p for q, p in FULL_POINTS.items() if q != "jordan_step"
    }, words(result)
    assert points(result)["jordan_step"] == 2 or "jordan_step_answer' stopped with" in words(result), words(
        result
    )
    assert "printed more than" not in words(result)  # only reprs came out, never the 50 MB


FORGED_REPLIES = {
    "an array of shape [10**12]": "h = json.dumps({'id': 1, 'arrays': [['<f8', [10**12]]]}).encode()\n"
    "os.write(int(sys.argv[2]), struct.pack('>I', len(h)) + h)\n",
    "an array of shape [10**6, 10**6]": "h = json.dumps({'id': 1, 'arrays': [['<f8', [10**6, "
    "10**6]]]}).encode()\n"
    "os.write(int(sys.argv[2]), struct.pack('>I', len(h)) + h)\n",
    "a header of 2**31 bytes": "os.write(int(sys.argv[2]), struct.pack('>I', 2**31) + b'{' * 65536)\n",
}


@pytest.mark.parametrize("attack", list(FORGED_REPLIES))
def test_forged_reply_is_refused_before_it_is_read(tmp_path, attack):
    # Stopped by: wire.py's format: the grader checks the header's length and every declared size against its
    # limits before it reads or allocates a byte of the arrays, and stops a sandbox that breaks the format.
    result = graded_with_bounded_memory(tmp_path, "import json, os, struct, sys\n" + FORGED_REPLIES[attack])
    only_lost(result, "jordan_step")
    assert "reply format" in words(result) and "MemoryError" not in words(result)


LARGEST_REPLY = """import gc, json, os, struct, sys
cell = max(o['id'] for o in gc.get_objects() if type(o) is dict and o.get('op') == 'cell' and type(o.get('id')) is int)
header = json.dumps({'id': cell, 'ok': True, 'arrays': [['<f8', [MAX_REPLY_ARRAY_BYTES // 8]]]}).encode()
os.write(int(sys.argv[2]), struct.pack('>I', len(header)) + header)
for _ in range(MAX_REPLY_ARRAY_BYTES // 2**20):
    os.write(int(sys.argv[2]), bytes(2**20))
""".replace("MAX_REPLY_ARRAY_BYTES", str(MAX_REPLY_ARRAY_BYTES))


def test_a_well_formed_reply_of_the_largest_size_keeps_the_grader_bounded(tmp_path):
    # Stopped by: MAX_REPLY_ARRAY_BYTES (64 MB): the grader reads no more than that from one reply. The forged
    # reply answers the cell in turn, so the cell's real reply comes out of turn later: the sandbox is stopped,
    # and (the forging cell being replayed) so is every sandbox after it: the attacker loses the questions after
    # it, never elman_step before it. The grader holds the reply's bytes and one copy of its arrays while decoding.
    before = max_rss_mb()
    result = grade(
        write(tmp_path, "largest.ipynb", with_cells(jordan_step_answer=LARGEST_REPLY + right_jordan())),
        limits=replace(LIMITS, cell_seconds=SLOW_CELL),
    )
    assert max_rss_mb() - before < 2.5 * MAX_REPLY_ARRAY_BYTES / MB, (
        f"the grader grew by {max_rss_mb() - before:.0f} MB"
    )
    assert result.error == "" and points(result)["elman_step"] == 2 and points(result)["jordan_step"] == 0
    assert "out of turn" in words(result)


# =====================================================================================================
# 3. Killing the grader or its worker
# =====================================================================================================
KILLS = {
    "the parent": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n",
    # guarded: never kill -1 outside a sandbox (as root it would kill this machine's processes)
    "every process": "import os, signal\nassert os.getuid() == 65534 and os.getpid() < 10, 'not in the "
    "sandbox'\n"
    "try:\n    os.kill(-1, signal.SIGKILL)\nexcept ProcessLookupError:\n    pass\n",
}


@pytest.mark.parametrize(
    "attack,isolated",
    [("the parent", True), ("every process", True), ("the parent", False)],
    ids=["kill parent", "kill -1", "kill parent unsandboxed-proof"],
)
def test_killing_from_inside_reaches_no_grader_process(tmp_path, attack, isolated):
    # Stopped by: the PID namespace: the runner's parent is the sandbox's own init, and kill(-1) reaches only the
    # sandbox's processes. Unsandboxed (kill the parent only, never -1) the grader dies: no gradebook (the proof).
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    write(submissions, "kim.ipynb", with_cells(jordan_step_answer=KILLS[attack] + right_jordan()))
    out = tmp_path / "out"
    extra = ["--timeout", "10"] + ([] if isolated else ["--no-sandbox"])
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # where --no-sandbox makes its working folders
    run = cli(*cli_args(submissions, out, *extra), env=env)
    if isolated:
        assert run.returncode == 0, run.stderr
        assert row_points(rows(out)["kim"]) == FULL_POINTS
    else:
        assert run.returncode == -signal.SIGKILL and not (out / "gradebook.csv").exists()


STUDENTS = ["ada", "ben", "cy", "dee", "eve"]  # graded in this order with --workers 1


def test_grader_killed_mid_batch_leaves_no_sandbox_and_resumes(tmp_path):
    # Stopped by: bwrap's --die-with-parent (the sandbox dies with the grader), the journal of atomically written
    # records, and --resume grading only what has no record (refused without it).
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    submissions.mkdir()
    for name in STUDENTS:
        source = "import time\ntime.sleep(5)\n" + right_jordan() if name == "dee" else right_jordan()
        write(submissions, f"{name}.ipynb", with_cells(jordan_step_answer=source))
    args = cli_args(submissions, out, "--workers", "1", "--timeout", "60")
    grader = subprocess.Popen(
        [sys.executable, "-m", "coursekit.cli", "grade", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while (
            len(list((out / "records").glob("*.json"))) < 3
            and grader.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.1)
        while (
            not any(b"/runner/runner.py" in cmdline(p) for p in descendants(grader.pid))
            and time.monotonic() < deadline
        ):  # dee's sandbox, sleeping
            time.sleep(0.1)
        sandbox = descendants(grader.pid)
        assert any(b"/runner/runner.py" in cmdline(p) for p in sandbox), "dee's sandbox never started"
        groups = sandbox_cgroups(sandbox)
        records = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (out / "records").glob("*.json")}
        assert len(records) == 3
        grader.send_signal(signal.SIGKILL)
        grader.wait(timeout=10)
    finally:
        if grader.poll() is None:
            grader.kill()
    deadline = time.monotonic() + 5
    while (
        left := [p for p, started in sandbox.items() if (_stat(p) or (0, None))[1] == started]
    ) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == [], f"sandbox processes outlived the grader: {[cmdline(p)[:80] for p in left]}"
    for folder in groups:  # a killed grader cannot remove its sandbox's (now empty) control group: we do
        try:
            folder.rmdir()
        except OSError:
            pass

    again = cli(*args)
    assert again.returncode == 2 and "--resume" in again.stderr and "\n" not in again.stderr.strip()

    resumed = cli(*args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in (out / "records").glob("*.json")
        if p.name in records
    } == records
    book = rows(out)
    assert sorted(book) == STUDENTS and all(row_points(row) == FULL_POINTS for row in book.values())


def test_a_crashing_submission_never_changes_the_others_rows(tmp_path):
    # Stopped by: one sandbox per submission; a crash is a SandboxStopped of that submission only.
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    submissions.mkdir()
    crashes = {"segv": "import ctypes\nctypes.string_at(0)\n", "exit": "import os\nos._exit(1)\n"}
    for name, prefix in crashes.items():
        write(submissions, f"{name}.ipynb", with_cells(jordan_step_answer=prefix + right_jordan()))
    write(submissions, "good.ipynb", solution())
    write(submissions, "half.ipynb", with_cells(elman_step_answer=WRONG_ELMAN))
    write(submissions, "zed.ipynb", solution())
    results, _ = grade_all([submissions], OPTIONS, out, workers=2, progress=False)
    by_student = {r.student: r for r in results}
    for name in crashes:
        only_lost(by_student[name], "jordan_step")
    assert "SIGSEGV" in words(by_student["segv"]) and "exit code 1" in words(by_student["exit"])
    book = rows(out)
    assert row_points(book["good"]) == row_points(book["zed"]) == FULL_POINTS
    assert row_points(book["half"]) == {**FULL_POINTS, "elman_step": 0}
    assert all(
        book[s]["problems"] == "" and book[s]["score"] == f"{FULL - (s == 'half') * 2:g}"
        for s in ("good", "half", "zed")
    )


# =====================================================================================================
# 4. The batch and the gradebook
# =====================================================================================================
FORMULA_FILES = ["+1.ipynb", "@SUM.ipynb", "-2.ipynb"]
FORMULA_STUDENT = '=HYPERLINK("evil.example")'  # a folder name cannot hold the "//" of a URL
MARKUP_STUDENTS = ["<script>alert(1)", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>"]
LOOKALIKES = ["a b", "a_b"]


def harmless_markdown(text: str) -> None:
    bare = re.sub(r"\\.", "", text)  # what Markdown reads as markup: the text without its escaped characters
    assert "<" not in bare, "raw HTML in feedback"
    assert "](" not in bare and "[" not in bare, "a link in feedback"


def test_batch_refuses_links_and_fifos_and_neutralises_names(tmp_path):
    # Stopped by: submission.py (lstat, no link followed, only regular files opened, O_NONBLOCK), record_key (a
    # hash of the exact name), spreadsheet_safe (formulas) and md() (Markdown escaped) in gradebook.py.
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    submissions.mkdir()
    (submissions / "link.ipynb").symlink_to(SOLUTIONS / NOTEBOOK)
    os.mkfifo(submissions / "pipe.ipynb")
    for name in FORMULA_FILES:
        write(submissions, name, solution())
    for student in [FORMULA_STUDENT, *MARKUP_STUDENTS, *LOOKALIKES]:
        (submissions / student).mkdir()
        answers = with_cells(elman_step_answer=WRONG_ELMAN) if student == "a b" else solution()
        write(submissions / student, NOTEBOOK, answers)
    before = snapshot(submissions)

    run = cli(*cli_args(submissions, out), timeout=240)  # a FIFO that were opened would hang here
    assert run.returncode == 0, run.stderr
    assert snapshot(submissions) == before  # submissions are only read: bytes and times unchanged

    text = (out / "gradebook.csv").read_text(encoding="utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    book = {row["student"].removeprefix("'"): row for row in csv.DictReader(io.StringIO(text))}
    assert "symbolic link" in book["link"]["problems"] and "never followed" in book["link"]["problems"]
    assert "not a regular file" in book["pipe"]["problems"] and "not read" in book["pipe"]["problems"]
    assert book["link"]["score"] == book["pipe"]["score"] == "0"
    assert float(book["a b"]["score"]) == FULL - 2 and float(book["a_b"]["score"]) == FULL
    for student in [FORMULA_STUDENT, *MARKUP_STUDENTS, "+1", "@SUM", "-2"]:
        assert float(book[student]["score"]) == FULL, student
    records = [json.loads(p.read_text()) for p in (out / "records").glob("*.json")]
    assert sorted(r["student"] for r in records if r["student"] in LOOKALIKES) == LOOKALIKES

    feedback = list((out / "feedback").glob("*.md"))
    assert (
        len(feedback) == len(records) == 2 + len(FORMULA_FILES) + 1 + len(MARKUP_STUDENTS) + len(LOOKALIKES)
    )
    for path in feedback:
        harmless_markdown(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "student",
    [
        "<script>alert(1)</script>",
        "[x](http://evil)",
        '=HYPERLINK("http://x")',
        "\\<script>alert(1)</script>",
        "![x](http://evil/x.png)",
    ],
)
def test_names_that_no_folder_can_hold_are_neutralised_too(student):
    # Stopped by: md() and spreadsheet_safe(), on names with "/" (which only a file system refuses).
    result = SubmissionResult(
        student=student,
        file=f"{student}.ipynb",
        notebook=NOTEBOOK,
        score=1,
        max_score=6,
        notes=[f"note by {student}"],
    )
    harmless_markdown(feedback_markdown(result))
    book = gradebook_csv([result, replace(result, error=student)])
    assert not [cell for row in csv.reader(io.StringIO(book)) for cell in row if cell[:1] in "=+-@"]


def test_out_folder_with_unrelated_files_is_refused(tmp_path):
    # Stopped by: the Journal: --out must be new, empty, or a coursekit run's (with --resume).
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.txt").write_text("mine")
    submission = write(tmp_path, "ada.ipynb", solution())
    run = cli(*cli_args(submission, out))
    assert run.returncode == 2 and "not empty" in run.stderr
    assert (
        sorted(p.name for p in out.iterdir()) == ["thesis.txt"] and (out / "thesis.txt").read_text() == "mine"
    )


# =====================================================================================================
# 5. --no-sandbox, and no bubblewrap
# =====================================================================================================
def test_no_sandbox_rows_and_feedback_say_not_for_credit(tmp_path):
    # Stopped by: GradeOptions.isolated=False marks every result NOT_ISOLATED, in the gradebook and the feedback.
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    submissions.mkdir()
    write(submissions, "ada.ipynb", solution())
    write(submissions, "ben.ipynb", with_cells(elman_step_answer=WRONG_ELMAN))
    grade_all([submissions], replace(OPTIONS, isolated=False), out, progress=False)
    book = rows(out)
    assert sorted(book) == ["ada", "ben"]
    assert all(row["isolation"] == NOT_ISOLATED == "not isolated — not for credit" for row in book.values())
    feedback = list((out / "feedback").glob("*.md"))
    assert len(feedback) == 2 and all(NOT_ISOLATED in path.read_text(encoding="utf-8") for path in feedback)


def test_without_bubblewrap_grade_refuses_and_says_how_to_install_it(tmp_path):
    # Stopped by: the CLI checks for a working bwrap before grading; it never falls back silently.
    submission = write(tmp_path, "ada.ipynb", solution())
    run = cli(*cli_args(submission, tmp_path / "out"), env={**os.environ, "PATH": "/nonexistent"})
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and "install" in lines[0] and "bubblewrap" in lines[0] and "--no-sandbox" in lines[0]
    )
    assert not (tmp_path / "out").exists()
