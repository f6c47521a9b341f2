"""The question bank of exercise 12: right answers pass, slips get their hints, and the open-ended
`forecast` (a recurrent forecaster the learner trains) is judged against three baselines on real
sunspot cases: it must beat the naive forecast and the history's mean, and come within MARGIN of
the gap to AR(p), p chosen on validation."""
from functools import lru_cache

import numpy as np
import pytest
import torch
from torch import nn

from coursekit.checks.core import FAILED, NOT_ATTEMPTED, PASSED
from coursekit.checks.forecasting import (
    FAIR_CUTS,
    FAIR_RATIO,
    MARGIN,
    QUESTIONS,
    baselines,
    compute_fair_cut_points,
    fair_cut_points,
    least_squares_ar,
    naive_multi_step,
    recursive_ar_forecast,
    validated_ar_order,
)
from coursekit.data.sunspots import yearly_sunspots
from coursekit.forecast import ar_one_step, fit_ar, mean_absolute_error

NAIVE, AR, MAE, WINDOWS, FORECAST = (QUESTIONS[k] for k in ("naive_forecast", "fit_autoregressive",
                                                              "mean_absolute_error", "make_windows", "forecast"))
SEEDS = range(12)
TRAINED_SEEDS = (0, 1)  # hidden draws for forecasters that train a network (each case trains once, cached)
SUNSPOTS = yearly_sunspots()[1]


def naive_forecast(series):
    return series[:-1].copy()


def fit_autoregressive(series, p):
    p = int(p)
    X = np.stack([series[i:len(series) - p + i] for i in range(p)], axis=1)  # column i: lag p - i
    X = np.hstack([X, np.ones((len(X), 1))])
    return np.linalg.solve(X.T @ X, X.T @ series[p:])  # the normal equations, not lstsq


def mean_absolute_error_answer(y_true, y_pred):
    return np.mean(np.abs(y_true - y_pred))


def make_windows(series, window):
    w = int(window)
    return np.lib.stride_tricks.sliding_window_view(series, w)[:-1].copy(), series[w:].copy()


# ---- the reference recurrent forecaster, written as the solution's answer cells write it ------------
WINDOW = 12


class GRUForecaster(nn.Module):
    def __init__(self, hidden_size=16):
        super().__init__()
        self.gru = nn.GRU(input_size=1, hidden_size=hidden_size, batch_first=True)
        self.out = nn.Linear(hidden_size, 1)

    def forward(self, windows):
        states, _ = self.gru(windows.unsqueeze(-1))
        return self.out(states[:, -1]).squeeze(-1)


def train_forecaster(windows, targets, steps=200, lr=0.01, seed=0):
    torch.manual_seed(seed)
    model = GRUForecaster()
    x = torch.tensor(windows, dtype=torch.float32)
    y = torch.tensor(targets, dtype=torch.float32)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = torch.mean((model(x) - y) ** 2)
        loss.backward()
        optimizer.step()
    return model


def forecast_recursively(model, window, horizon):
    window, forecasts = np.array(window, dtype=float), []
    with torch.no_grad():
        for _ in range(int(horizon)):
            next_value = model(torch.tensor(window[None], dtype=torch.float32)).item()
            forecasts.append(next_value)
            window = np.append(window[1:], next_value)
    return np.array(forecasts)


@lru_cache(maxsize=None)
def _trained(cut: int, steps: int):
    torch.set_num_threads(1)
    history = SUNSPOTS[:cut]
    return train_forecaster(*make_windows(history / history.max(), WINDOW), steps=steps)


def trained(history, steps=200):
    """train_forecaster on the scaled windows of history: what `forecast` does first (cached here, so that
    the slips below reuse the reference's networks instead of training their own)."""
    assert np.array_equal(history, SUNSPOTS[:len(history)])
    return _trained(len(history), steps), history.max()


def forecast(history, horizon):
    model, scale = trained(history)
    return forecast_recursively(model, history[-WINDOW:] / scale, int(horizon)) * scale


# ---- helpers ------------------------------------------------------------------------------------
def verdicts(question, function, seeds=(0,)):
    namespace = {question.function: function}
    cases = question.public_cases() + [c for seed in seeds for c in question.hidden_cases(seed)]
    return [question.judge(case, question.run(namespace, case)) for case in cases]


def first_failure(question, function, seeds=(0,)):
    return next((v for v in verdicts(question, function, seeds) if v.status != PASSED), None)


def public_and_hidden(question, function, seeds):
    """(the public verdict, [the hidden verdict of each seed]), each the first case that does not pass."""
    namespace = {question.function: function}
    public = question.check_cases(namespace, question.public_cases())
    hidden = []
    for seed in seeds:
        judged = [question.judge(case, question.run(namespace, case), reveal=False)
                  for case in question.hidden_cases(seed)]  # as the grader judges them: nothing revealed
        hidden.append(next((v for v in judged if v.status != PASSED), judged[0]))
    return public, hidden


@pytest.mark.parametrize("question, function", [(NAIVE, naive_forecast), (AR, fit_autoregressive),
                                                (MAE, mean_absolute_error_answer), (WINDOWS, make_windows)])
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
    (WINDOWS, lambda s, w: (np.stack([s[i:i + int(w)][::-1] for i in range(len(s) - int(w))]), s[int(w):]),
     "the windows run backwards"),
    (WINDOWS, lambda s, w: (np.stack([s[i:i + int(w)] for i in range(len(s) - int(w))]), s[int(w) - 1:-1]),
     "each target is the last value of its own window"),
    (WINDOWS, lambda s, w: (np.stack([s[i:i + int(w)] for i in range(len(s) - int(w))]), s[int(w):, None]),
     "not (T-w, 1)"),
    (WINDOWS, lambda s, w: (np.stack([s[i:i + int(w)] for i in range(len(s) - int(w) - 1)]), s[int(w):-1]),
     "one window too few"),
])
def test_each_slip_fails_with_its_hint(question, slip, hint):
    verdict = first_failure(question, slip)
    assert verdict is not None and verdict.status == FAILED and hint in verdict.message, verdict


def test_the_missing_bias_is_reported_as_a_shape_with_the_hint():
    verdict = first_failure(AR, lambda s, p: least_squares_ar(s, int(p), bias=False))
    assert "coefficients has shape (2,); expected (3,)" in verdict.message


# ---- the baselines and the cases of `forecast` ----------------------------------------------------------
def test_the_ar_baseline_chooses_p_on_the_last_40_years_as_the_lesson_does():
    history = SUNSPOTS[:269]  # the lesson's training part: it chose p = 10 there
    validation = [mean_absolute_error(history[-40:], ar_one_step(fit_ar(history[:-40], p), history, 229))
                  for p in range(1, 16)]
    assert validated_ar_order(history) == 1 + int(np.argmin(validation)) == 10
    base = baselines(history, 11)
    truth = SUNSPOTS[269:280]
    assert base.ar == pytest.approx(np.mean(np.abs(recursive_ar_forecast(history, 11, 10) - truth)))
    assert base.naive == pytest.approx(np.mean(np.abs(history[-1] - truth)))
    assert base.mean == pytest.approx(np.mean(np.abs(history.mean() - truth)))
    assert base.required == pytest.approx(base.ar + MARGIN * (min(base.naive, base.mean) - base.ar))


def test_the_frozen_fair_cut_points_are_the_computed_ones():
    for horizon in (3, 7, 11):
        assert fair_cut_points(horizon) == FAIR_CUTS[horizon] == compute_fair_cut_points(horizon)
        assert len(FAIR_CUTS[horizon]) >= 30


def test_every_case_is_fair_and_hides_the_future():
    public, hidden = FORECAST.public_cases(), [c for seed in SEEDS for c in FORECAST.hidden_cases(seed)]
    for index, case in enumerate(public + hidden):
        history, horizon = case.inputs["history"], int(case.inputs["horizon"])
        cut = len(history)
        assert np.array_equal(history, SUNSPOTS[:cut]) and cut + horizon <= len(SUNSPOTS)
        truth, base = SUNSPOTS[cut:cut + horizon], baselines(history, horizon)
        assert base.ar <= FAIR_RATIO * min(base.naive, base.mean), case.label  # the AR baseline clearly wins
        if index >= len(public):  # hidden: and so does every AR(p) of FAIR_ORDERS
            assert cut in FAIR_CUTS[horizon]
            for p in (2, 9, 12):
                assert np.mean(np.abs(recursive_ar_forecast(history, horizon, p) - truth)) <= \
                    FAIR_RATIO * min(base.naive, base.mean), case.label
    assert len({len(c.inputs["history"]) for c in hidden}) > 10, "different seeds pick different cut points"
    assert {int(c.inputs["horizon"]) for c in public} == {3, 7, 11}


def test_hidden_labels_do_not_name_the_years():
    for case in FORECAST.hidden_cases(3):
        assert not any(str(year) in case.label for year in range(1700, 2010)), case.label


# ---- the reference passes; the naive forecast, the mean and constants fail --------------------------------
def test_the_reference_gru_passes_public_and_hidden_cases():
    public, hidden = public_and_hidden(FORECAST, forecast, TRAINED_SEEDS)
    assert public.status == PASSED and all(v.status == PASSED for v in hidden), (public, hidden)
    assert "MAE" in public.message and "needed at most" in public.message and "AR(" in public.message


def test_the_public_cases_are_the_ones_of_the_notebook_text():
    labels = [c.label for c in FORECAST.public_cases()]
    assert "1969-1979" in labels[0]


@pytest.mark.parametrize("name, slip, words", [
    ("the naive forecast", lambda history, horizon: naive_multi_step(history, horizon)[0],
     "yours is the naive forecast itself"),
    ("the history's mean", lambda history, horizon: np.full(int(horizon), history.mean()),
     "yours is the mean of the history, repeated"),
    ("a constant", lambda history, horizon: np.full(int(horizon), 50.0), "every year of your forecast is the same"),
    ("zeros", lambda history, horizon: np.zeros(int(horizon)), "every year of your forecast is the same"),
    ("the mean of the last cycle", lambda history, horizon: np.full(int(horizon), history[-11:].mean()),
     "every year of your forecast is the same"),
    ("AR(9), the old solution", lambda history, horizon: np.maximum(recursive_ar_forecast(history, int(horizon), 9), 0),
     "yours is the forecast of a least-squares AR(9)"),
    ("the AR baseline", lambda history, horizon: recursive_ar_forecast(history, int(horizon),
                                                                       validated_ar_order(history)),
     "a baseline itself"),
])
def test_plain_forecasts_fail_public_and_hidden_with_their_words(name, slip, words):
    public, hidden = public_and_hidden(FORECAST, slip, SEEDS)
    assert public.status == FAILED and words in public.message, (name, public.message)
    assert all(v.status == FAILED and words in v.message for v in hidden), (name, hidden)


def test_a_flat_forecast_fails_even_where_its_error_is_small():
    # on 1983-1985 the history's mean happens to be close to the truth: the rule, not luck, fails it
    case = FORECAST.public_cases()[1]
    verdict = FORECAST.judge(case, FORECAST.run({"forecast": lambda h, k: np.full(int(k), h.mean())}, case))
    assert verdict.status == FAILED and "a flat line cannot follow the cycle" in verdict.message


def test_a_pass_and_a_failure_say_every_error_and_the_requirement():
    case = FORECAST.public_cases()[0]
    base = baselines(case.inputs["history"], 11)
    verdict = FORECAST.judge(case, FORECAST.run({"forecast": forecast}, case))
    assert verdict.status == PASSED
    for value in (base.ar, base.naive, base.mean, base.required):
        assert f"{value:.2f}" in verdict.message

    def worse(history, horizon):  # the reference, dragged most of the way to the mean: a weak cycle
        return 0.1 * forecast(history, horizon) + 0.9 * history.mean()
    error = np.mean(np.abs(worse(case.inputs["history"], 11) - SUNSPOTS[269:280]))
    assert base.required < error < base.plain  # better than both plain forecasts, not by the margin
    verdict = FORECAST.judge(case, FORECAST.run({"forecast": worse}, case))
    assert verdict.status == FAILED and f"it needs at most {base.required:.2f}" in verdict.message
    assert "check that each forecast is fed back" in verdict.message


# ---- slips in the recurrent forecaster, written out as a learner would write them ---------------------------
def not_fed_back(history, horizon):
    model, scale = trained(history)
    window = torch.tensor(history[None, -WINDOW:] / scale, dtype=torch.float32)
    with torch.no_grad():
        return np.array([model(window).item() for _ in range(int(horizon))]) * scale  # the same window every time


def scaling_not_undone(history, horizon):
    model, scale = trained(history)
    return forecast_recursively(model, history[-WINDOW:] / scale, int(horizon))


def one_too_few(history, horizon):
    model, scale = trained(history)
    return forecast_recursively(model, history[-WINDOW:] / scale, int(horizon) - 1) * scale


def window_in_the_forecasts(history, horizon):
    model, scale = trained(history)
    path = forecast_recursively(model, history[-WINDOW:] / scale, int(horizon))
    return np.r_[history[-1] / scale, path] * scale


def never_trained(history, horizon):  # the training loop left out: the network never learns the cycle
    model, scale = trained(history, steps=0)
    return forecast_recursively(model, history[-WINDOW:] / scale, int(horizon)) * scale


def barely_trained(history, horizon):  # 5 steps: it learns the level, not the cycle
    model, scale = trained(history, steps=5)
    return forecast_recursively(model, history[-WINDOW:] / scale, int(horizon)) * scale


@pytest.mark.parametrize("slip, words", [
    (not_fed_back, "feed each forecast back as the newest value of the window"),
    (scaling_not_undone, "the scaled units the network works in"),
    (one_too_few, "One value too few"),
    (window_in_the_forecasts, "One value too many"),
    (never_trained, "that the training loss fell"),
    (barely_trained, "that the training loss fell"),
])
def test_each_forecaster_slip_fails_public_and_hidden_with_its_words(slip, words):
    public, hidden = public_and_hidden(FORECAST, slip, TRAINED_SEEDS)
    assert public.status == FAILED and words in public.message, public.message
    assert all(v.status == FAILED and words in v.message for v in hidden), hidden


def test_hidden_feedback_carries_no_numbers():
    _, hidden = public_and_hidden(FORECAST, scaling_not_undone, TRAINED_SEEDS)
    for verdict in hidden:
        words = verdict.message.replace("within 1.5 of zero", "")
        assert not any(ch.isdigit() for ch in words.split(":", 1)[1]), verdict.message


@pytest.mark.parametrize("function, words", [
    (lambda history, horizon: np.full(int(horizon), np.nan),
     "forecasts contains NaN or infinity, first at year ahead 0"),
    (lambda history, horizon: np.zeros((int(horizon), 1)), "forecasts has shape (11, 1); expected (11,)"),
    (lambda history, horizon: np.zeros(3), "shape (horizon,) = (11,)"),
    (lambda history, horizon: np.array(["a"] * int(horizon)), "forecasts should be an array of numbers"),
    (lambda history, horizon: list(range(int(horizon)))[int("x")], "raised ValueError"),
])
def test_malformed_forecasts_fail_clearly(function, words):
    verdict = first_failure(FORECAST, function)
    assert verdict.status == FAILED and words in verdict.message, verdict.message


def test_changing_the_history_in_place_fails():
    def forecast_in_place(history, horizon):
        history /= history.max()
        return np.linspace(0, 100, int(horizon))
    verdict = first_failure(FORECAST, forecast_in_place)
    assert verdict.status == FAILED and "changed its input `history` in place" in verdict.message


def test_unattempted_and_missing():
    def not_written(history, horizon):
        raise NotImplementedError()
    assert first_failure(FORECAST, not_written).status == NOT_ATTEMPTED
    case = FORECAST.public_cases()[0]
    assert FORECAST.judge(case, FORECAST.run({}, case)).status == NOT_ATTEMPTED


def test_the_judge_refuses_a_history_that_is_not_the_sunspots():
    case = FORECAST.public_cases()[0]
    case.inputs["history"] = case.inputs["history"] + 1.0
    with pytest.raises(ValueError, match="not the start of the sunspot series"):
        FORECAST.judge(case, FORECAST.run({"forecast": lambda h, k: np.zeros(int(k))}, case))


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
