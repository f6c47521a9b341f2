"""The general words of check(): what a learner reads when their function raises, returns the wrong
thing or returns wrong numbers, whatever the question (coursekit/checks/core.py).

Each broken function below is written as a learner would write it, in this file, so that the
traceback points at a real line. The expected words are written out by hand.
"""

import numpy as np
import pytest

from coursekit.checks.core import FAILED, PASSED, Case, FunctionQuestion, compare_output
from coursekit.checks.registry import question

RNG = np.random.default_rng(7)
N, D, H = 3, 2, 4
STEP = Case(
    "a case (N=3, D=2, H=4)",
    {
        "x_t": RNG.standard_normal((N, D)),
        "h_prev": RNG.standard_normal((N, H)),
        "W_xh": RNG.standard_normal((H, D)),
        "W_hh": RNG.standard_normal((H, H)),
        "b": RNG.standard_normal(H),
    },
)


def step_reference(x_t, h_prev, W_xh, W_hh, b):
    return (np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b),)


def step_question(**kwargs) -> FunctionQuestion:
    return FunctionQuestion(
        grade_id="a_step",
        notebook="x.ipynb",
        function="step",
        outputs={"h_t": ("sequence", "hidden unit")},
        reference=step_reference,
        public_cases=lambda: [STEP],
        hidden_cases=lambda seed: [STEP],
        **kwargs,
    )


def words(q: FunctionQuestion, case: Case, step, reveal: bool = True) -> str:
    verdict = q.judge(case, q.run({q.function: step}, case), reveal=reveal)
    assert verdict.status == FAILED
    return verdict.message


def body_line(function, k: int = 1) -> int:
    """The number of the k-th line of a function's body in this file (Python's count, not the check's)."""
    return function.__code__.co_firstlineno + k


def numbers_of(case: Case) -> list[str]:
    """Each value of the case and of its right answer as a verdict would print it (4 to 6 significant digits)."""
    values = list(case.inputs.values()) + list(step_reference(**case.inputs))
    return [f"{v:.{digits}g}" for value in values for v in value.ravel() for digits in (4, 6)]


# --- shape errors inside the learner's function: the operation, the shapes, their line, the fix


def untransposed(x_t, h_prev, W_xh, W_hh, b):
    return np.tanh(x_t @ W_xh + h_prev @ W_hh.T + b)


def test_an_untransposed_weight_names_the_product_the_shapes_the_line_and_the_fix():
    said = words(step_question(), STEP, untransposed)
    assert said == (
        f"on a case (N=3, D=2, H=4), `step` raised ValueError at line {body_line(untransposed)}, "
        "`return np.tanh(x_t @ W_xh + h_prev @ W_hh.T + b)`: `x_t @ W_xh` is (3, 2) @ (4, 2): the inner "
        "sizes differ (2 and 4). A weight stored (out, in) multiplies as x @ W.T: try `x_t @ W_xh.T`"
    )
    assert "gufunc" not in said and "operand" not in said


def with_dot(x_t, h_prev, W_xh, W_hh, b):
    a = np.dot(x_t, W_xh) + np.dot(h_prev, W_hh.T)
    return np.tanh(a + b)


def test_np_dot_reads_like_the_product():
    said = words(step_question(), STEP, with_dot)
    assert (
        f"raised ValueError at line {body_line(with_dot)}, `a = np.dot(x_t, W_xh) + np.dot(h_prev, W_hh.T)`"
        in said
    )
    assert (
        "`x_t @ W_xh` is (3, 2) @ (4, 2): the inner sizes differ (2 and 4)" in said
        and "try `x_t @ W_xh.T`" in said
    )
    assert "not aligned" not in said


def jordan_step(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    h_t = np.tanh(x_t @ W_xh.T + x_t @ W_yh.T + b)  # W_yh belongs to y_prev
    return h_t, h_t @ W_hy.T + b_y


def test_a_weight_applied_to_the_wrong_input_asks_which_input_it_multiplies():
    q = question("jordan_step")
    case = Case(
        "a case (N=3, D=2, H=5, O=4)",
        {
            "x_t": np.ones((3, 2)),
            "y_prev": np.ones((3, 4)),
            "W_xh": np.ones((5, 2)),
            "W_yh": np.ones((5, 4)),
            "b": np.ones(5),
            "W_hy": np.ones((4, 5)),
            "b_y": np.ones(4),
        },
    )
    said = words(q, case, jordan_step)
    assert said == (
        f"on a case (N=3, D=2, H=5, O=4), `jordan_step` raised ValueError at line {body_line(jordan_step)}, "
        "`h_t = np.tanh(x_t @ W_xh.T + x_t @ W_yh.T + b)  # W_yh belongs to y_prev`: `x_t @ W_yh.T` is "
        "(3, 2) @ (4, 5): the inner sizes differ (2 and 4). `W_yh.T` has 4 rows, so the array on its left "
        "needs 4 columns: is `x_t` the input that this weight multiplies?"
    )


def jordan_step_with_w_hh(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    h_t = np.tanh(x_t @ W_xh.T + y_prev @ W_hh.T + b)  # noqa: F821 - the learner's slip
    return h_t, h_t @ W_hy.T + b_y


def test_a_name_that_is_not_an_input_lists_the_inputs():
    q = question("jordan_step")
    said = words(q, q.public_cases()[0], jordan_step_with_w_hh)
    assert (
        f"`jordan_step` raised NameError at line {body_line(jordan_step_with_w_hh)}, `h_t = np.tanh(x_t @ "
        f"W_xh.T + y_prev @ W_hh.T + b)" in said
    )
    assert said.endswith(
        "name 'W_hh' is not defined; the inputs of `jordan_step` are x_t, y_prev, W_xh, W_yh, b, W_hy and b_y"
    )


def bias_as_a_column(x_t, h_prev, W_xh, W_hh, b):
    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b[:, None])


def test_a_broadcast_failure_names_both_sides_of_the_sum():
    said = words(step_question(), STEP, bias_as_a_column)
    assert said == (
        f"on a case (N=3, D=2, H=4), `step` raised ValueError at line {body_line(bias_as_a_column)}, "
        "`return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b[:, None])`: `x_t @ W_xh.T + h_prev @ W_hh.T` "
        "(3, 4) and `b[:, None]` (4, 1) do not broadcast: element-wise, each axis must be equal or 1, "
        "counting from the right; a bias of shape (H,) adds to (N, H) as it is, without [:, None]"
    )


def loop_over_the_batch_as_time(x_t, h_prev, W_xh, W_hh, b):
    h = h_prev
    for t in range(x_t.shape[1] + 2):
        h = np.tanh(x_t[t] @ W_xh.T + h @ W_hh.T + b)
    return h


def test_an_index_past_the_end_names_the_axis_and_its_size():
    said = words(step_question(), STEP, loop_over_the_batch_as_time)
    assert said == (
        f"on a case (N=3, D=2, H=4), `step` raised IndexError at line "
        f"{body_line(loop_over_the_batch_as_time, 3)}, "
        "`h = np.tanh(x_t[t] @ W_xh.T + h @ W_hh.T + b)`: index 3 is past the end of axis 0, which has "
        "size 3 (indices 0 to 2): check which axis the loop walks (batch-first: x[:, t] is time step t, "
        "x[n] is sequence n)"
    )


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def gated_step(x_t, h_prev, W_xh, W_hh, b):
    gate = sigmoid(x_t @ W_xh.T + h_prev @ W_hh + b)
    return gate * np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)


def test_the_line_shown_is_the_learners_innermost_one():
    def step(x_t, h_prev, W_xh, W_hh, b):
        return gated_step(x_t, h_prev, W_xh.T, W_hh, b)  # W_xh.T makes the product inside gated_step fail

    said = words(step_question(), STEP, step)
    assert said == (
        f"on a case (N=3, D=2, H=4), `step` raised ValueError at line {body_line(gated_step)}, "
        "`gate = sigmoid(x_t @ W_xh.T + h_prev @ W_hh + b)`: `x_t @ W_xh.T` is (3, 2) @ (4, 2): the inner "
        "sizes differ (2 and 4); `W_xh.T` is transposed once too often: try `x_t @ W_xh`"
    )


def test_an_error_raised_by_numpy_on_a_line_it_cannot_read_still_names_the_sizes():
    def step(x_t, h_prev, W_xh, W_hh, b):
        return np.tanh(np.matmul(*[x_t, W_xh]) + b)  # no `a @ b` on the line to read

    said = words(step_question(), STEP, step)
    assert said.endswith(
        "a matrix product (@) met inner sizes 2 and 4: in (n, k) @ (k, m) the columns of the left "
        "array must equal the rows of the right one. A weight stored (out, in) multiplies as x @ W.T"
    )


def test_another_error_keeps_its_message_and_gains_the_line():
    def step(x_t, h_prev, W_xh, W_hh, b):
        return np.tanh(x_t @ W_xh.T) / 0 if False else 1 / 0

    said = words(step_question(), STEP, step)
    assert said == (
        f"on a case (N=3, D=2, H=4), `step` raised ZeroDivisionError at line {body_line(step)}, "
        "`return np.tanh(x_t @ W_xh.T) / 0 if False else 1 / 0`: division by zero"
    )


# --- what came back: None, the wrong number of values, a scalar's NaN and shape


def forgot_return(x_t, h_prev, W_xh, W_hh, b):
    h_t = np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)  # noqa: F841


def test_a_missing_return_asks_about_return():
    assert (
        words(step_question(), STEP, forgot_return)
        == "on a case (N=3, D=2, H=4), `step` returned None: did you forget `return`?"
    )


def test_one_output_left_none_is_named_with_the_missing_return():
    # a tuple whose second value the learner never computed, e.g. `return dx, dh_prev` with dh_prev = None
    said = compare_output("dh_prev", ("N", "H"), np.zeros((2, 3)), None, 1e-6)
    assert said == "dh_prev is None: did you forget `return`?"


def test_a_wrong_number_of_values_says_returned_not_raised():
    q = question("lstm_step_backward")
    case = q.public_cases()[0]

    def lstm_step_backward(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
        return dh_next, dc_next, dc_next

    said = words(q, case, lstm_step_backward)
    assert said == (
        f"on {case.label}, `lstm_step_backward` returned 3 values; it should return 6 "
        "(dx, dh_prev, dc_prev, dW_ih, dW_hh and db)"
    )
    assert "raised" not in said

    def one_array_for_two(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
        return np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T + b)

    jordan = question("jordan_step")
    assert words(jordan, jordan.public_cases()[0], one_array_for_two).endswith(
        "`jordan_step` returned 1 value; it should return 2 (h_t and y_t)"
    )

    def with_the_old_state_too(x_t, h_prev, W_xh, W_hh, b):
        return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b), h_prev

    assert words(step_question(), STEP, with_the_old_state_too).endswith(
        "`step` returned 2 values; it should return 1 (h_t)"
    )


def loss_question() -> FunctionQuestion:
    case = Case("a case (N=4)", {"p": np.array([0.5, 0.25, 0.125, 0.5])})
    return FunctionQuestion(
        grade_id="a_loss",
        notebook="x.ipynb",
        function="loss",
        outputs={"loss": ()},
        reference=lambda p: (-np.mean(np.log(p)),),
        public_cases=lambda: [case],
        hidden_cases=lambda seed: [case],
    )


def test_a_scalar_output_reads_as_a_number():
    q = loss_question()
    case = q.public_cases()[0]

    def log_of_zero(p):
        return -np.mean(np.log(p - 0.5))

    def per_example(p):
        return -np.log(p)

    with np.errstate(all="ignore"):
        assert words(q, case, log_of_zero) == "on a case (N=4): loss is NaN or infinity."
    assert words(q, case, per_example) == "on a case (N=4): loss has shape (4,); expected a single number."
    assert (
        words(q, case, per_example, reveal=False)
        == "on a case (N=4): loss has the wrong shape; expected a single number."
    )


def test_arrays_that_are_not_numbers():
    def ragged(x_t, h_prev, W_xh, W_hh, b):
        return [[1.0, 2.0], [3.0]]

    def text(x_t, h_prev, W_xh, W_hh, b):
        return "h_t"

    hints = step_question(
        hints=lambda inputs, received: np.asarray(received[0], dtype=float) and "never said"
    )
    assert words(hints, STEP, ragged) == (
        "on a case (N=3, D=2, H=4): h_t should be an array of numbers; "
        "got a list whose rows have different lengths."
    )
    assert (
        words(hints, STEP, text) == "on a case (N=3, D=2, H=4): h_t should be an array of numbers; got text."
    )


# --- several outputs: which are right, which are not


def lstm_backward_with_double_dW_ih(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    right = question("lstm_step_backward").reference(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b)
    dx, dh_prev, dc_prev, dW_ih, dW_hh, db = right
    return dx, dh_prev, dc_prev, 2 * dW_ih, dW_hh, -db


def test_a_backward_check_says_which_outputs_are_right():
    q = question("lstm_step_backward")
    case = q.public_cases()[0]
    for reveal in (True, False):
        said = words(q, case, lstm_backward_with_double_dW_ih, reveal)
        assert said.startswith(
            f"on {case.label}: dx, dh_prev, dc_prev and dW_hh are right; dW_ih and db are not: "
            "dW_ih differs from the expected values; the largest difference is at gate row "
        )


def test_when_every_output_is_wrong_it_says_so_once():
    q = question("lstm_step_backward")
    case = q.public_cases()[0]

    def zeros(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
        return tuple(np.zeros_like(v) for v in (x, h_prev, c_prev, W_ih, W_hh, b))

    assert words(q, case, zeros).startswith(
        f"on {case.label}: all 6 outputs are wrong; the first: dx differs"
    )


def test_a_passing_function_still_passes():
    def step(x_t, h_prev, W_xh, W_hh, b):
        return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)

    q = step_question()
    assert q.judge(STEP, q.run({"step": step}, STEP)).status == PASSED


# --- reveal=False (the grader): no number of the case


@pytest.mark.parametrize(
    "step",
    [
        untransposed,
        bias_as_a_column,
        forgot_return,
        lambda *a: a[0] * 0 + 1e6,
        lambda *a: np.zeros((H, N)),
        lambda *a: np.full((N, H), 0.5),
        lambda *a: np.tanh(a[0] @ a[2].T + a[1] @ a[3] + a[4]),
    ],
)
def test_hidden_feedback_shows_no_number_of_the_case(step):
    said = words(step_question(), STEP, step, reveal=False)
    leaked = [n for n in numbers_of(STEP) if n in said]
    assert not leaked, (said, leaked)
    assert "1e+06" not in said and "1000000" not in said


def test_hidden_feedback_on_an_error_names_only_its_type():
    def step(x_t, h_prev, W_xh, W_hh, b):
        raise ValueError(f"psst: {x_t}")  # a submission sending the case out through its own message

    said = words(step_question(), STEP, step, reveal=False)
    assert said == "on a case (N=3, D=2, H=4), `step` raised ValueError"
    assert (
        words(step_question(), STEP, untransposed, reveal=False)
        == "on a case (N=3, D=2, H=4), `step` raised ValueError"
    )


def stacked_on_the_batch_axis(x_t, h_prev, W_xh, W_hh, b):
    xh = np.concatenate([x_t, h_prev])
    return np.tanh(xh @ np.concatenate([W_xh, W_hh], axis=1).T + b)


def reshaped_wrongly(x_t, h_prev, W_xh, W_hh, b):
    h = np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)
    return h.reshape(4, 4)


def test_concatenate_and_reshape_failures_are_said_in_words():
    assert words(step_question(), STEP, stacked_on_the_batch_axis) == (
        f"on a case (N=3, D=2, H=4), `step` raised ValueError at line "
        f"{body_line(stacked_on_the_batch_axis)}, "
        "`xh = np.concatenate([x_t, h_prev])`: np.concatenate: along axis 1 array 0 has size 2 and array 1 "
        "has "
        "size 4; every axis but the one joined must match. To put features side by side, join along the last "
        "axis (axis=-1)"
    )
    assert words(step_question(), STEP, reshaped_wrongly).endswith(
        "`return h.reshape(4, 4)`: an array of 12 numbers cannot take the shape (4, 4), which holds 16: "
        "check the "
        "sizes asked for"
    )
