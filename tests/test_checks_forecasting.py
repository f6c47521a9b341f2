"""The question bank of exercise 12: right answers pass, slips get their hints, and the open-ended
`forecast` is judged by a threshold (strictly below the naive forecast's MAE) on real sunspot cases."""
import numpy as np
import pytest

from coursekit.checks.core import FAILED, NOT_ATTEMPTED, PASSED
from coursekit.checks.forecasting import (
    FAIR_RATIO,
    QUESTIONS,
    fair_cut_points,
    least_squares_ar,
    naive_multi_step,
    recursive_ar_forecast,
)
from coursekit.data.sunspots import yearly_sunspots

NAIVE, AR, MAE, FORECAST = (QUESTIONS[k] for k in ("naive_forecast", "fit_autoregressive", "mean_absolute_error",
                                                     "forecast"))
SEEDS = range(12)


def naive_forecast(series):
    return series[:-1].copy()


def fit_autoregressive(series, p):
    p = int(p)
    X = np.stack([series[i:len(series) - p + i] for i in range(p)], axis=1)  # column i: lag p - i
    X = np.hstack([X, np.ones((len(X), 1))])
    return np.linalg.solve(X.T @ X, X.T @ series[p:])  # the normal equations, not lstsq


def mean_absolute_error(y_true, y_pred):
    return np.mean(np.abs(y_true - y_pred))


def ar_forecaster(p):
    def forecast(history, horizon):
        return recursive_ar_forecast(history, int(horizon), p)
    return forecast


def verdicts(question, function, seeds=(0,)):
    namespace = {question.function: function}
    cases = question.public_cases() + [c for seed in seeds for c in question.hidden_cases(seed)]
    return [question.judge(case, question.run(namespace, case)) for case in cases]


def first_failure(question, function, seeds=(0,)):
    return next((v for v in verdicts(question, function, seeds) if v.status != PASSED), None)


@pytest.mark.parametrize("question, function", [(NAIVE, naive_forecast), (AR, fit_autoregressive),
                                                (MAE, mean_absolute_error)])
def test_right_functions_pass_public_and_hidden_cases(question, function):
    assert first_failure(question, function, seeds=SEEDS) is None


@pytest.mark.parametrize("question, slip, hint", [
    (NAIVE, lambda s: s[1:], "that is series[1:]"),
    (NAIVE, lambda s: np.full(len(s) - 1, s[-1]), "the last value is repeated"),
    (AR, lambda s, p: np.r_[least_squares_ar(s, int(p))[:-1][::-1], least_squares_ar(s, int(p))[-1]],
     "reverse order"),
    (AR, lambda s, p: np.roll(least_squares_ar(s, int(p)), 1), "the bias comes first"),
    (AR, lambda s, p: least_squares_ar(s, int(p), bias=False), "the bias is missing"),
    (AR, lambda s, p: np.r_[least_squares_ar(s, int(p), bias=False), 0.0], "the bias is zero"),
    (AR, lambda s, p: least_squares_ar(s, int(p) + 1), "these are the coefficients of AR(p+1)"),
    (MAE, lambda t, y: np.mean((t - y) ** 2), "mean squared error"),
    (MAE, lambda t, y: np.mean(t - y), "the absolute value is missing"),
    (MAE, lambda t, y: np.sum(np.abs(t - y)), "the sum of the absolute errors"),
    (MAE, lambda t, y: np.sqrt(np.mean((t - y) ** 2)), "root of the mean squared error"),
])
def test_each_slip_fails_with_its_hint(question, slip, hint):
    verdict = first_failure(question, slip)
    assert verdict is not None and verdict.status == FAILED and hint in verdict.message, verdict


def test_the_missing_bias_is_reported_as_a_shape_with_the_hint():
    verdict = first_failure(AR, lambda s, p: least_squares_ar(s, int(p), bias=False))
    assert "coefficients has shape (2,); expected (3,)" in verdict.message


# ---- the open-ended forecast ------------------------------------------------------------------
@pytest.mark.parametrize("p", [2, 3, 5, 9, 10, 12])
def test_ar_forecasters_pass_every_case_for_many_seeds(p):
    assert first_failure(FORECAST, ar_forecaster(p), seeds=SEEDS) is None


def test_a_pass_reports_both_errors():
    case = FORECAST.public_cases()[0]
    verdict = FORECAST.judge(case, FORECAST.run({"forecast": ar_forecaster(9)}, case))
    assert verdict.status == PASSED and "MAE" in verdict.message and "against the naive" in verdict.message


def test_the_naive_forecast_itself_does_not_pass():
    # equal to the baseline is not below it: the question asks to beat persistence
    verdict = first_failure(FORECAST, lambda history, horizon: naive_multi_step(history, horizon)[0])
    assert verdict.status == FAILED and "Yours is the naive forecast itself" in verdict.message


def test_a_constant_zero_forecast_fails_and_says_both_errors():
    verdict = first_failure(FORECAST, lambda history, horizon: np.zeros(int(horizon)))
    case = FORECAST.public_cases()[0]
    truth = yearly_sunspots()[1][269:280]
    assert verdict.status == FAILED and case.label in verdict.message
    assert f"your forecast's mean absolute error is {np.mean(truth):.2f} sunspots" in verdict.message
    assert f"reaches {np.mean(np.abs(truth - case.inputs['history'][-1])):.2f}" in verdict.message


@pytest.mark.parametrize("function, words", [
    (lambda history, horizon: np.full(int(horizon), np.nan), "forecasts contains NaN or infinity, first at year ahead 0"),
    (lambda history, horizon: np.zeros((int(horizon), 1)), "forecasts has shape (11, 1); expected (11,)"),
    (lambda history, horizon: np.zeros(3), "shape (horizon,) = (11,)"),
    (lambda history, horizon: np.array(["a"] * int(horizon)), "forecasts should be an array of numbers"),
    (lambda history, horizon: list(range(int(horizon)))[int("x")], "raised ValueError"),
])
def test_malformed_forecasts_fail_clearly(function, words):
    verdict = first_failure(FORECAST, function)
    assert verdict.status == FAILED and words in verdict.message, verdict.message


def test_changing_the_history_in_place_fails():
    def forecast(history, horizon):
        history -= history.mean()
        return recursive_ar_forecast(history, int(horizon), 9) + 50
    verdict = first_failure(FORECAST, forecast)
    assert verdict.status == FAILED and "changed its input `history` in place" in verdict.message


def test_unattempted_and_missing():
    def forecast(history, horizon):
        raise NotImplementedError()
    assert first_failure(FORECAST, forecast).status == NOT_ATTEMPTED
    case = FORECAST.public_cases()[0]
    assert FORECAST.judge(case, FORECAST.run({}, case)).status == NOT_ATTEMPTED


def test_every_case_is_fair_and_hides_the_future():
    series = yearly_sunspots()[1]
    cases = FORECAST.public_cases() + [c for seed in SEEDS for c in FORECAST.hidden_cases(seed)]
    for case in cases:
        history, horizon = case.inputs["history"], int(case.inputs["horizon"])
        cut = len(history)
        assert np.array_equal(history, series[:cut]) and cut + horizon <= len(series)
        truth, naive = series[cut:cut + horizon], np.mean(np.abs(series[cut - 1] - series[cut:cut + horizon]))
        assert np.mean(np.abs(recursive_ar_forecast(history, horizon, 9) - truth)) <= FAIR_RATIO * naive, case.label
    assert len({len(c.inputs["history"]) for c in cases}) > 10, "different seeds pick different cut points"
    assert all(len(fair_cut_points(h)) > 50 for h in (3, 7, 11))


def test_the_judge_refuses_a_history_that_is_not_the_sunspots():
    case = FORECAST.public_cases()[0]
    case.inputs["history"] = case.inputs["history"] + 1.0
    with pytest.raises(ValueError, match="not the start of the sunspot series"):
        FORECAST.judge(case, FORECAST.run({"forecast": ar_forecaster(9)}, case))


# ---- the quiz ---------------------------------------------------------------------------------
def test_the_quiz_has_one_right_answer_and_feedback_for_every_other():
    quiz = QUESTIONS["why_naive_forecast_works"]
    assert quiz.is_right(quiz.canonical("a")) and quiz.explanation_for(quiz.canonical("a"))
    for wrong in "bcd":
        assert not quiz.is_right(quiz.canonical(wrong)) and quiz.feedback_for(quiz.canonical(wrong))


@pytest.mark.parametrize("question", [NAIVE, AR, MAE])
def test_outputs_that_are_not_numbers_fail_without_crashing_the_hints(question):
    verdict = first_failure(question, lambda *args: np.array(["a", "b"]))
    assert verdict.status == FAILED and "should be an array of numbers" in verdict.message
