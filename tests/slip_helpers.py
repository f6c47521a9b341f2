"""What the slip tests of the question banks share: a verdict on some cases, and the bank's slips that no
learner-written function in a test file reproduces (so a slip added to a bank without a test fails)."""

import numpy as np


def verdict(question, function, cases):
    """The question's verdict when `function` is the learner's answer, judged on `cases`."""
    with np.errstate(all="ignore"):
        return question.check_cases({question.function: function}, cases)


def slips_not_written_out(question, slips, functions) -> list[str]:
    """The words of every slip of `slips(**inputs)` that none of `functions` reproduces on the public cases."""

    def reproduces(function, inputs, wrong):
        got = function(*inputs.values())
        got = got if isinstance(got, tuple) else (got,)
        wrong = wrong if isinstance(wrong, tuple) else (wrong,)  # a one-output slip is one array
        return all(np.shape(a) == np.shape(b) and np.allclose(a, b) for a, b in zip(got, wrong))

    return [
        words
        for case in question.public_cases()
        for words, wrong in slips(**case.inputs).items()
        if not any(reproduces(f, case.inputs, wrong) for f in functions)
    ]
