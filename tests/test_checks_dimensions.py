"""The question bank of exercise 04 (dimensions): the shape detective's checks and hints, and
the quiz's answers and feedback, through check() and answer() as a learner meets them."""

import numpy as np
import pytest

from coursekit.checks import answer, check, check_hidden
from coursekit.checks.dimensions import QUESTIONS, detective_reference, detective_slips
from coursekit.checks.registry import questions_of

pytestmark = pytest.mark.usefixtures("fresh_session")


def right_values(D, H, O, N, T, G):
    """The right answer written out by hand (not from coursekit), keyed by output name."""
    return dict(
        W_F=(G * H, D),
        W_R=(G * H, H),
        b=(G * H, 1),
        W=(G * H, D + H),
        z_t=(G * H, N),
        a_t=(H, N),
        y_t=(O, N),
        x=(N, T, D),
        out=(N, T, H),
        params=(G * H * (D + H + 1), G * H * (D + H + 2), O * (H + 1)),
    )


def detective(**slips):
    """A shape_detective that makes the given slips: output name -> function of the sizes."""

    def shape_detective(config):
        sizes = [int(v) for v in config]
        values = right_values(*sizes)
        for name, slip in slips.items():
            values[name] = slip(*sizes)
        return tuple(values.values())

    return shape_detective


def _written(name, words, **slips):
    return ("shape_detective", name, detective(**slips), words)


MATERIAL, TORCH, OUTPUT = (
    "params[0], the hidden layer as the material counts it: ",
    "params[1], the hidden layer as torch counts it: ",
    "params[2], the output layer: ",
)

WRITTEN_SLIPS = [  # (grade_id, name, the learner's function, words the hint must contain), typed here by hand
    _written("W_F transposed", "W_F is transposed", W_F=lambda D, H, O, N, T, G: (D, G * H)),
    _written("W_F reads H", "your W_F has H columns", W_F=lambda D, H, O, N, T, G: (G * H, H)),
    _written(
        "W_F without gates",
        "your W_F has H rows, as if there were one gate block",
        W_F=lambda D, H, O, N, T, G: (H, D),
    ),
    _written("W_R transposed", "W_R is transposed", W_R=lambda D, H, O, N, T, G: (H, G * H)),
    _written("W_R square in G*H", "your W_R has G*H columns", W_R=lambda D, H, O, N, T, G: (G * H, G * H)),
    _written("W_R reads D", "your W_R has D columns", W_R=lambda D, H, O, N, T, G: (G * H, D)),
    _written(
        "W_R without gates",
        "your W_R has H rows, as if there were one gate block",
        W_R=lambda D, H, O, N, T, G: (H, H),
    ),
    _written("b flat", "your b is flat", b=lambda D, H, O, N, T, G: (G * H,)),
    _written("b a row", "b is transposed", b=lambda D, H, O, N, T, G: (1, G * H)),
    _written("b per sequence", "your b has one column per sequence", b=lambda D, H, O, N, T, G: (G * H, N)),
    _written("b without gates", "your b has H rows", b=lambda D, H, O, N, T, G: (H, 1)),
    _written("W transposed", "W is transposed", W=lambda D, H, O, N, T, G: (D + H, G * H)),
    _written(
        "W with the bias", "your W has a column for the bias", W=lambda D, H, O, N, T, G: (G * H, D + H + 1)
    ),
    _written("W without gates", "your W has H rows", W=lambda D, H, O, N, T, G: (H, D + H)),
    _written(
        "z_t batch-first", "your z_t is in the batch-first layout", z_t=lambda D, H, O, N, T, G: (N, G * H)
    ),
    _written("z_t one column", "your z_t has one column;", z_t=lambda D, H, O, N, T, G: (G * H, 1)),
    _written("z_t all steps", "your z_t holds all T time steps", z_t=lambda D, H, O, N, T, G: (T, G * H, N)),
    _written("z_t without gates", "your z_t has H rows", z_t=lambda D, H, O, N, T, G: (H, N)),
    _written("a_t batch-first", "your a_t is in the batch-first layout", a_t=lambda D, H, O, N, T, G: (N, H)),
    _written("a_t one column", "your a_t has one column;", a_t=lambda D, H, O, N, T, G: (H, 1)),
    _written("a_t with the gates", "your a_t has G*H rows", a_t=lambda D, H, O, N, T, G: (G * H, N)),
    _written("y_t batch-first", "your y_t is in the batch-first layout", y_t=lambda D, H, O, N, T, G: (N, O)),
    _written("y_t one column", "your y_t has one column;", y_t=lambda D, H, O, N, T, G: (O, 1)),
    _written("y_t from the hidden layer", "your y_t has H rows", y_t=lambda D, H, O, N, T, G: (H, N)),
    _written("x time-first", "your x is in torch's default layout", x=lambda D, H, O, N, T, G: (T, N, D)),
    _written(
        "x features before time", "your x has the features before time", x=lambda D, H, O, N, T, G: (N, D, T)
    ),
    _written(
        "x one column step",
        "your x is one time step in the column convention",
        x=lambda D, H, O, N, T, G: (D, N),
    ),
    _written("x one step", "your x is one time step; x holds all T", x=lambda D, H, O, N, T, G: (N, D)),
    _written(
        "out time-first", "your out is in torch's default layout", out=lambda D, H, O, N, T, G: (T, N, H)
    ),
    _written("out last step", "your out is the last step alone", out=lambda D, H, O, N, T, G: (N, H)),
    _written("out of the output layer", "your out has O features", out=lambda D, H, O, N, T, G: (N, T, O)),
    _written("out with the gates", "your out has G*H features", out=lambda D, H, O, N, T, G: (N, T, G * H)),
    _written(
        "no bias",
        MATERIAL + "the bias is missing",
        params=lambda D, H, O, N, T, G: (G * H * (D + H), G * H * (D + H + 2), O * (H + 1)),
    ),
    _written(
        "torch's count twice",
        MATERIAL + "that is torch's count",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 2),) * 2 + (O * (H + 1),),
    ),
    _written(
        "no W_R",
        MATERIAL + "the recurrent weights W_R are missing",
        params=lambda D, H, O, N, T, G: (G * H * (D + 1), G * H * (D + H + 2), O * (H + 1)),
    ),
    _written(
        "no W_F",
        MATERIAL + "the feedforward weights W_F are missing",
        params=lambda D, H, O, N, T, G: (G * H * (H + 1), G * H * (D + H + 2), O * (H + 1)),
    ),
    _written(
        "times T",
        MATERIAL + "your count is multiplied by T",
        params=lambda D, H, O, N, T, G: (T * G * H * (D + H + 1), G * H * (D + H + 2), O * (H + 1)),
    ),
    _written(
        "one gate block",
        MATERIAL + "the G gate blocks are missing",
        params=lambda D, H, O, N, T, G: (H * (D + H + 1), G * H * (D + H + 2), O * (H + 1)),
    ),
    _written(
        "the material's count twice",
        TORCH + "that is the material's count, with one bias",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 1),) * 2 + (O * (H + 1),),
    ),
    _written(
        "torch without biases",
        TORCH + "both bias vectors are missing",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 1), G * H * (D + H), O * (H + 1)),
    ),
    _written(
        "torch times T",
        TORCH + "your count is multiplied by T",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 1), T * G * H * (D + H + 2), O * (H + 1)),
    ),
    _written(
        "torch one gate block",
        TORCH + "the G gate blocks are missing",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 1), H * (D + H + 2), O * (H + 1)),
    ),
    _written(
        "output without bias",
        OUTPUT + "the output layer's bias is missing",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 1), G * H * (D + H + 2), O * H),
    ),
    _written(
        "output reversed",
        OUTPUT + "your count has H units reading O inputs",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 1), G * H * (D + H + 2), H * (O + 1)),
    ),
    _written(
        "one output unit",
        OUTPUT + "your count has one output unit",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 1), G * H * (D + H + 2), H + 1),
    ),
    _written(
        "output times T",
        OUTPUT + "your count is multiplied by T",
        params=lambda D, H, O, N, T, G: (G * H * (D + H + 1), G * H * (D + H + 2), T * O * (H + 1)),
    ),
]


def run_check(capsys, function) -> str:
    globals()["shape_detective"] = function
    check("shape_detective")
    return capsys.readouterr().out


def test_the_bank_belongs_to_notebook_04():
    assert set(questions_of("04_dimensions.ipynb")) == set(QUESTIONS)
    assert sum(q.points for q in QUESTIONS.values()) == 14


def test_the_reference_matches_the_hand_written_answer():
    for sizes in [(3, 7, 1, 64, 10, 1), (3, 7, 1, 64, 10, 4), (10, 20, 5, 2, 3, 3), (1, 1, 1, 1, 1, 4)]:
        expected = detective_reference(np.array(sizes))
        assert [tuple(v.tolist()) for v in expected] == list(right_values(*sizes).values())


def test_a_right_detective_passes_public_and_hidden_checks(capsys):
    out = run_check(capsys, detective())
    assert out.startswith("✓ shape_detective: public checks passed (3 points)")
    for seed in range(5):
        check_hidden("shape_detective", seed=seed)
        assert "hidden checks passed" in capsys.readouterr().out


def shape_detective_from_the_weights(config):
    """Another right way: the sizes unpacked by name, the counts from the shapes of the weights."""
    D, H, O, N, T, G = [int(v) for v in config]
    W_F, W_R, b = (G * H, D), (G * H, H), (G * H, 1)
    W = (W_F[0], W_F[1] + W_R[1])
    weights = W_F[0] * W_F[1] + W_R[0] * W_R[1]
    params = [weights + b[0], weights + 2 * b[0], O * H + O]
    return list(W_F), W_R, b, W, (G * H, N), (H, N), (O, N), (N, T, D), (N, T, H), params


def test_another_right_detective_passes_public_and_hidden_checks():
    question = QUESTIONS["shape_detective"]
    namespace = {"shape_detective": shape_detective_from_the_weights}
    for cases in [question.public_cases(), question.hidden_cases(0), question.hidden_cases(12345)]:
        assert question.check_cases(namespace, cases).status == "passed"


def test_the_public_cases_vary_every_size():
    """One public case has every size different and above 1, so no slip that swaps two sizes passes publicly."""
    configs = [tuple(case.inputs["config"]) for case in QUESTIONS["shape_detective"].public_cases()]
    assert any(len(set(config)) == 6 and min(config) > 1 for config in configs)


def test_each_slip_of_the_bank_is_one_output_changed_and_no_two_share_a_value():
    """detective_slips lists whole answers; on every public case no two wrong ones are equal, so no hint is
    another slip's."""
    for case in QUESTIONS["shape_detective"].public_cases():
        right = [v.tolist() for v in detective_reference(**case.inputs)]
        answers = {
            words: [v.tolist() for v in values] for words, values in detective_slips(**case.inputs).items()
        }
        for words, values in answers.items():
            assert sum(v != r for v, r in zip(values, right)) <= 1, words
            if values != right:
                assert [w for w, other in answers.items() if other == values] == [words]


def test_a_slip_without_a_known_cause_still_says_where(capsys):
    out = run_check(capsys, detective(y_t=lambda D, H, O, N, T, G: (5, 5)))
    assert "y_t differs from the expected values" in out and "Hint" not in out


def test_params_of_the_wrong_shape_say_what_params_holds(capsys):
    out = run_check(capsys, detective(params=lambda D, H, O, N, T, G: G * H * (D + H + 1)))
    assert "params holds three whole numbers" in out.partition("Hint: ")[2], out


def test_a_learner_with_several_slips_hears_of_the_first(capsys):
    batch_first = dict(
        z_t=lambda D, H, O, N, T, G: (N, G * H),
        a_t=lambda D, H, O, N, T, G: (N, H),
        y_t=lambda D, H, O, N, T, G: (N, O),
    )
    out = run_check(capsys, detective(**batch_first))
    assert (
        "are not: z_t differs" in out
        and "your z_t is in the batch-first layout" in out.partition("Hint: ")[2]
    ), out


@pytest.mark.parametrize("grade_id, name, function, words", WRITTEN_SLIPS, ids=[e[1] for e in WRITTEN_SLIPS])
def test_in_the_notebook_each_written_slip_prints_its_hint(capsys, grade_id, name, function, words):
    out = run_check(capsys, function)
    assert "✗ shape_detective: failed" in out and words in out.partition("Hint: ")[2], out


def test_the_gate_slip_is_caught_by_a_public_case(capsys):
    """Forgetting G passes the vanilla RNN case, so the public LSTM case must catch it."""
    out = run_check(
        capsys, detective(W_F=lambda D, H, O, N, T, G: (H, D), W_R=lambda D, H, O, N, T, G: (H, H))
    )
    assert "the worked example's sizes as an LSTM" in out


@pytest.mark.parametrize(
    "grade_id,right,wrong,words",
    [
        ("dims_w_f", (7, 3), (3, 7), "That is the transpose"),
        ("dims_w_r", (7, 7), (7, 3), "That is W_F^1"),
        ("dims_b", (7, 1), (7, 64), "broadcast across the 64 columns"),
        ("dims_b", (7, 1), (7,), "how the code and torch store it"),
        ("dims_wf_a4", (7, 64), (7, 1), "a_4^0 holds the whole batch"),
        ("dims_wr_a6", (7, 64), (6, 64), "6 is a time step, not a size"),
        ("dims_z3", (7, 64), (7, 1), "That is the bias"),
        ("dims_params_hidden", 77, 70, "not the bias: 7 more"),
        ("dims_params_hidden", 77, 84, "torch keeps two bias vectors"),
        ("dims_params_hidden", 77, 770, "shared across time"),
        ("dims_concat_w", (7, 10), (7, 21), "the column counts add: 3 + 7"),
        ("dims_lstm_params", 336, 84, "An LSTM has 4 gate blocks"),
        ("dims_gru_params", 1920, 1860, "keeps two bias vectors"),
        ("dims_x_batch_first", (64, 10, 3), (10, 64, 3), "batch_first=False"),
    ],
)
def test_quiz_right_answers_and_feedback(capsys, grade_id, right, wrong, words):
    answer(grade_id, wrong)
    out = capsys.readouterr().out
    assert out.startswith(f"✗ {grade_id}: failed") and words in out, out
    answer(grade_id, right)
    assert capsys.readouterr().out.startswith(f"✓ {grade_id}: right.")
