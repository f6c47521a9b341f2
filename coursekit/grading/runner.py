"""The runner: the one program inside the grading sandbox. It runs the learner's code and moves numbers.

    python -I runner.py REQUEST_FD REPLY_FD [IMPORT_FOLDER ...]     (started by sandbox.py)

It waits for requests from the grader and answers each one:
    {"op": "cell", "source": ...}                     run a cell (an answer cell, or given definitions)
    {"op": "call", "function": f, "outputs": k}       call f on the arrays that came with the request
    {"op": "answer", "grade_id": id}                   the last value given to answer(id, ...)
    {"op": "exit"}
It knows no right answer and judges nothing: the grader, in its own process, does. Everything here
runs in the learner's process, so a submission can change any of it; that can only change what
the learner's own code reports, which is what the grader judges anyway.

It imports nothing of coursekit (coursekit is not in the sandbox): only the standard library,
NumPy, IPython when a cell needs it, and wire.py, which sits beside it.
"""

import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import wire  # noqa: E402

# what an array of another kind than numbers holds, in the words the grader may repeat
_KIND_WORDS = {
    "c": "complex numbers",
    "U": "text",
    "S": "bytes",
    "M": "dates",
    "m": "time spans",
    "V": "records",
}
MAX_REPLY_BYTES = 16 * 2**20  # arrays in one reply; the grader enforces its own limit too
MAX_REQUEST_BYTES = 64 * 2**20


def _read_exact(stream):
    def read(n: int) -> bytes:
        chunks, left = [], n
        while left:
            chunk = stream.read(left)
            if not chunk:
                raise EOFError("the grader closed the pipe")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    return read


def _error_fields(error: BaseException) -> dict:
    return {"error_type": type(error).__name__[:60], "error": str(error)[:300]}


class Learner:
    """The learner's namespace and how cells run in it.

    A cell runs as plain Python. IPython is imported only for a cell that is not plain Python (a
    %magic or a !command) or when the learner's code calls get_ipython(): most submissions never
    need it, and importing it would double the time a sandbox takes to start.
    """

    def __init__(self):
        self.answers, self.shell = {}, None
        self.namespace = {"__name__": "__main__"}
        given = self.answers

        def answer(grade_id, value=...):
            """Keep the answer; the grader judges it after the cell (there is no feedback here)."""
            given[str(grade_id)] = value

        def quiet(*args, **kwargs):
            """check(), progress() and quiz() say nothing during grading."""

        self.namespace.update(
            answer=answer,
            check=quiet,
            check_hidden=quiet,
            progress=quiet,
            quiz=quiet,
            get_ipython=self.ipython,
        )

    def ipython(self):
        """The IPython shell over the learner's namespace, made the first time it is needed."""
        if self.shell is None:
            from IPython.core.interactiveshell import InteractiveShell
            from traitlets.config import Config

            config = Config()
            config.HistoryManager.enabled = False
            self.shell = InteractiveShell.instance(config=config, colors="NoColor", user_ns=self.namespace)
        return self.shell

    def run_cell(self, source: str) -> dict:
        code = None
        if self.shell is None:
            try:
                code = compile(source, "<cell>", "exec")
            except SyntaxError:  # perhaps IPython's syntax (%time, !ls): IPython runs it below
                pass
        if code is None:
            try:
                result = self.ipython().run_cell(source, store_history=False)
                error = result.error_before_exec or result.error_in_exec
            except ImportError as missing:  # no IPython here: the cell's syntax error stands
                error = missing
            return {"ok": error is None, **(_error_fields(error) if error is not None else {})}
        try:
            exec(code, self.namespace)
        except BaseException as error:  # noqa: B036 - the learner's exception is data here
            traceback.print_exc()
            return {"ok": False, **_error_fields(error)}
        return {"ok": True}

    def call(self, name: str, n_outputs: int, inputs: list) -> tuple[dict, list]:
        function = self.namespace.get(name)
        if not callable(function):
            return {"status": "missing"}, []
        copies = [np.array(value) for value in inputs]  # writable copies; the originals stay as sent
        try:
            result = function(*copies)
        except NotImplementedError:
            return {"status": "not attempted"}, []
        except BaseException as error:  # noqa: B036 - SystemExit and the like are the learner's too
            return {"status": "raised", **_error_fields(error)}, []
        if result is None:  # said as such, not as "one value that is not numbers"
            return {"status": "wrong count", "count": 0, "got": "NoneType"}, []
        several = isinstance(result, tuple) and any(isinstance(v, (np.ndarray, list, tuple)) for v in result)
        if n_outputs == 1 and not (several and len(result) != 1):  # as check() does: (h, c) is two values
            result = (result,)
        if not isinstance(result, (tuple, list)) or len(result) != n_outputs:
            count = len(result) if isinstance(result, (tuple, list)) else 1
            return {"status": "wrong count", "count": count, "got": type(result).__name__[:40]}, []
        outputs, kinds = [], []
        for value in result:
            try:
                array = np.asarray(value)
            except Exception:  # a ragged list, an object that refuses
                array = None
            if array is None or array.dtype.kind not in "fiub":
                kinds.append(
                    type(value).__name__[:40]
                    if array is None or array.dtype.kind == "O"
                    else _KIND_WORDS.get(array.dtype.kind, "other values")
                )
                outputs.append(None)
            else:
                outputs.append(array.astype(np.float64) if array.dtype.kind == "f" else array)
        if any(o is None for o in outputs):
            return {"status": "not numbers", "kinds": kinds}, []
        if sum(o.nbytes for o in outputs) > MAX_REPLY_BYTES:
            return {"status": "too large"}, []
        changed = [
            i
            for i, (before, after) in enumerate(zip(inputs, copies))
            if after.shape != before.shape
            or not np.array_equal(after, before, equal_nan=before.dtype.kind == "f")
        ]
        return {"status": "returned", "changed": changed}, outputs

    def answer_of(self, grade_id: str) -> dict:
        if grade_id not in self.answers:
            return {"given": False}
        return {"given": True, "value": wire.to_plain(self.answers[grade_id])}


def main() -> None:
    request_fd, reply_fd, *folders = sys.argv[1:]
    sys.path += folders  # packages installed outside the interpreter's prefix (a user site, say)
    requests, replies = (
        os.fdopen(int(request_fd), "rb", buffering=0),
        os.fdopen(int(reply_fd), "wb", buffering=0),
    )
    read = _read_exact(requests)
    learner = Learner()
    replies.write(wire.encode({"id": None, "ready": True}))
    while True:
        try:
            request, arrays = wire.read_message(read, MAX_REQUEST_BYTES)
        except EOFError:
            return
        op, outputs = request.get("op"), []
        if op == "cell":
            reply = learner.run_cell(request["source"])
        elif op == "call":
            reply, outputs = learner.call(request["function"], int(request["outputs"]), arrays)
        elif op == "answer":
            reply = learner.answer_of(request["grade_id"])
        elif op == "exit":
            return
        else:
            reply = {"status": "unknown request"}
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: S110 - a stream the learner replaced; its output is theirs to lose
                pass
        replies.write(wire.encode({"id": request.get("id"), **reply}, outputs))


if __name__ == "__main__":
    main()
