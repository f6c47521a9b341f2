"""Code that runs inside a submission's kernel at the place of a graded cell.

It travels into the kernel as source text (grade.py pastes it into the cell), so an answer
cell that patches the installed coursekit cannot change it. It only moves numbers: it loads
the grader's inputs, calls the learner's function, and saves what came back. Every verdict
is made later, in the grader's own process.
"""


def run_function(function_name, n_outputs, path_in, path_out, namespace):
    """Call namespace[function_name] on each case in path_in (.npz) and save the results."""
    import json

    import numpy

    cases = {}
    with numpy.load(path_in, allow_pickle=False) as data:
        for key in data.files:  # keys are "<case>/<argument index>/<argument name>"
            case, position, name = key.split("/")
            cases.setdefault(int(case), {})[(int(position), name)] = data[key]
    arrays, report = {}, []
    function = namespace.get(function_name)
    for case in sorted(cases):
        inputs = [cases[case][key].copy() for key in sorted(cases[case])]
        names = [name for _, name in sorted(cases[case])]
        entry = {"status": "returned", "error": ""}
        if not callable(function):
            entry = {"status": "missing", "error": f"no function named `{function_name}` is defined"}
        else:
            try:
                result = function(*inputs)
                if n_outputs == 1:
                    result = (result,)
                if not isinstance(result, (tuple, list)) or len(result) != n_outputs:
                    raise TypeError(f"`{function_name}` should return {n_outputs} value(s)")
                for index, value in enumerate(result):
                    value = numpy.asarray(value)
                    if value.dtype.kind not in "fiub":
                        raise TypeError(f"output {index} is not an array of numbers")
                    arrays[f"{case}/out/{index}"] = value
                for name, value in zip(names, inputs):
                    arrays[f"{case}/after/{name}"] = numpy.asarray(value)
            except NotImplementedError:
                entry = {"status": "not attempted", "error": ""}
            except BaseException as error:  # SystemExit and the like are the learner's too
                if isinstance(error, KeyboardInterrupt):
                    raise
                entry = {"status": "raised", "error": f"{type(error).__name__}: {str(error)[:300]}"}
        report.append(entry)
    numpy.savez(path_out + ".npz", **arrays)
    with open(path_out + ".json", "w") as handle:
        json.dump(report, handle)


def record_answer(grade_id, path_out):
    """Save the canonical text of the last quiz answer given in this kernel (or null)."""
    import json
    import sys

    checks = sys.modules.get("coursekit.checks")
    text = getattr(checks, "_answers", {}).get(grade_id) if checks else None
    with open(path_out + ".json", "w") as handle:
        json.dump({"answer": text if isinstance(text, str) else None}, handle)
