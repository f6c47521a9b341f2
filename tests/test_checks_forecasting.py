"""The question bank of exercise 12: right answers pass, slips get their hints, and the open-ended
`forecast` (a recurrent forecaster the learner trains) is judged against three baselines on real
sunspot cases: it must beat the naive forecast and the history's mean, and come within MARGIN of
the gap to AR(p), p chosen on validation."""

from functools import cache

import numpy as np
import pytest
import torch
from torch import nn

from coursekit.checks.core import FAILED, NOT_ATTEMPTED, PASSED, matching_slips
from coursekit.checks.forecasting import (
    FAIR_CUTS,
    FAIR_RATIO,
    MARGIN,
    QUESTIONS,
    baselines,
    compute_fair_cut_points,
    fair_cut_points,
    naive_multi_step,
    recursive_ar_forecast,
    validated_ar_order,
)
from coursekit.data.sunspots import yearly_sunspots
from coursekit.forecast import ar_one_step, fit_ar, mean_absolute_error

NAIVE, AR, MAE, WINDOWS, FORECAST = (
    QUESTIONS[k]
    for k in ("naive_forecast", "fit_autoregressive", "mean_absolute_error", "make_windows", "forecast")
)
SEEDS = range(12)
TRAINED_SEEDS = (0, 1)  # hidden draws for forecasters that train a network (each case trains once, cached)
SUNSPOTS = yearly_sunspots()[1]


def naive_forecast(series):
    return series[:-1].copy()


def fit_autoregressive(series, p):
    p = int(p)
    X = np.stack([series[i : len(series) - p + i] for i in range(p)], axis=1)  # column i: lag p - i
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


@cache
def _trained(cut: int, steps: int):
    torch.set_num_threads(1)
    history = SUNSPOTS[:cut]
    return train_forecaster(*make_windows(history / history.max(), WINDOW), steps=steps)


def trained(history, steps=200):
    """train_forecaster on the scaled windows of history: what `forecast` does first (cached here, so that
    the slips below reuse the reference's networks instead of training their own)."""
    assert np.array_equal(history, SUNSPOTS[: len(history)])
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
        judged = [
            question.judge(case, question.run(namespace, case), reveal=False)
            for case in question.hidden_cases(seed)
        ]  # as the grader judges them: nothing revealed
        hidden.append(next((v for v in judged if v.status != PASSED), judged[0]))
    return public, hidden


# ---- other right ways of writing the four graded functions ----------------------------------------------
def naive_forecast_loop(series):
    return np.array([series[t] for t in range(len(series) - 1)])


def fit_autoregressive_lstsq(series, p):  # the solution's: each row a window in time order, then a 1
    p = int(p)
    X = np.stack([series[t - p : t] for t in range(p, len(series))])
    X = np.hstack([X, np.ones((len(X), 1))])
    return np.linalg.lstsq(X, series[p:], rcond=None)[0]


def mean_absolute_error_loop(y_true, y_pred):
    return sum(abs(a - b) for a, b in zip(y_true, y_pred)) / len(y_true)


def make_windows_loop(series, window):
    w = int(window)
    return np.array([series[i : i + w] for i in range(len(series) - w)]), np.array(series[w:])


@pytest.mark.parametrize(
    "question, function",
    [
        (NAIVE, naive_forecast),
        (NAIVE, naive_forecast_loop),
        (AR, fit_autoregressive),
        (AR, fit_autoregressive_lstsq),
        (MAE, mean_absolute_error_answer),
        (MAE, mean_absolute_error_loop),
        (WINDOWS, make_windows),
        (WINDOWS, make_windows_loop),
    ],
)
@pytest.mark.parametrize("seed", [0, 12345])
def test_right_functions_pass_public_and_hidden_cases(question, function, seed):
    assert question.check_cases({question.function: function}, question.public_cases()).status == PASSED
    assert question.check_cases({question.function: function}, question.hidden_cases(seed)).status == PASSED


def test_right_functions_pass_the_hidden_cases_of_many_seeds():
    for question, function in (
        (NAIVE, naive_forecast),
        (AR, fit_autoregressive),
        (MAE, mean_absolute_error_answer),
        (WINDOWS, make_windows),
    ):
        assert first_failure(question, function, seeds=SEEDS) is None


# ---- the references against values worked out by hand, and against numpy.linalg.lstsq ------------------
def test_the_references_give_the_notebooks_examples():
    NAIVE_REF, MAE_REF, WINDOWS_REF = NAIVE.reference, MAE.reference, WINDOWS.reference
    np.testing.assert_array_equal(NAIVE_REF(np.array([5.0, 11.0, 16.0, 23.0]))[0], [5.0, 11.0, 16.0])
    assert MAE_REF(np.array([10.0, 20.0, 30.0]), np.array([12.0, 15.0, 30.0]))[0] == pytest.approx(7 / 3)
    windows, targets = WINDOWS_REF(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.array(2))
    np.testing.assert_array_equal(windows, [[1, 2], [2, 3], [3, 4]])
    np.testing.assert_array_equal(targets, [3, 4, 5])


def test_the_ar_reference_recovers_a_series_made_by_a_known_ar2():
    x = [1.0, 3.0]
    for _ in range(
        30
    ):  # x_t = w_1 x_{t-2} + w_2 x_{t-1} + b with w_1 = -0.5 (the oldest lag), w_2 = 1.2, b = 2
        x.append(-0.5 * x[-2] + 1.2 * x[-1] + 2.0)
    np.testing.assert_allclose(AR.reference(np.array(x), np.array(2))[0], [-0.5, 1.2, 2.0], atol=1e-8)


def test_the_ar_reference_is_numpys_least_squares_on_the_public_cases():
    for case in AR.public_cases():
        series, p = case.inputs["series"], int(case.inputs["p"])
        rows = [list(series[t - p : t]) + [1.0] for t in range(p, len(series))]  # built by hand, row by row
        want = np.linalg.lstsq(np.array(rows), series[p:], rcond=None)[0]
        np.testing.assert_allclose(AR.reference(**case.inputs)[0], want, rtol=1e-10)


# ---- the public cases -------------------------------------------------------------------------------
def test_the_first_public_case_of_each_function_has_sizes_that_differ_and_exceed_one():
    T = len(NAIVE.public_cases()[0].inputs["series"])
    assert T > 2
    series, p = AR.public_cases()[0].inputs.values()
    assert len({len(series), int(p), int(p) + 1}) == 3 and int(p) > 1  # p > 1: reversed lags differ
    assert len(MAE.public_cases()[0].inputs["y_true"]) > 1
    series, window = WINDOWS.public_cases()[0].inputs.values()
    sizes = (len(series), int(window), len(series) - int(window))
    assert len(set(sizes)) == 3 and min(sizes) > 1
    errors = np.subtract(*MAE.public_cases()[0].inputs.values())
    assert (errors > 0).any() and (errors < 0).any(), "signed errors that cancel, so a missing abs shows"


def test_the_public_cases_hold_the_hard_inputs_of_the_hidden_ones():
    assert any(len(c.inputs["series"]) == 2 for c in NAIVE.public_cases())
    assert any(int(c.inputs["p"]) == 1 for c in AR.public_cases())
    assert any(len(c.inputs["y_true"]) == 1 for c in MAE.public_cases())
    windows = [(len(c.inputs["series"]), int(c.inputs["window"])) for c in WINDOWS.public_cases()]
    assert any(w == 1 for _, w in windows) and any(T - w == 1 for T, w in windows)


@pytest.mark.parametrize("question", [NAIVE, AR, MAE, WINDOWS])
def test_on_the_first_public_case_each_slip_differs_from_the_reference_and_gets_its_own_hint(question):
    case = question.public_cases()[0]
    reference = question.reference(**case.inputs)
    slips = {
        words: wrong if isinstance(wrong, tuple) else (wrong,)
        for words, wrong in question.slips(**case.inputs).items()
    }
    for words, wrong in slips.items():
        outputs = [
            right if slip is None else slip for slip, right in zip(wrong, reference)
        ]  # None: that output right
        assert not all(
            np.shape(a) == np.shape(b) and np.allclose(a, b) for a, b in zip(outputs, reference)
        ), words
        assert matching_slips(outputs, slips) == words  # no earlier slip returns the same


# ---- slips, written out as a learner would write them ------------------------------------------------
def naive_next_values(series):
    return series[1:]


def naive_last_repeated(series):
    forecasts = []
    for _ in range(len(series) - 1):
        forecasts.append(series[-1])
    return np.array(forecasts)


def naive_first_repeated(series):
    return np.full(len(series) - 1, series[0])


def naive_mean(series):
    return np.ones(len(series) - 1) * np.mean(series)


def naive_whole_series(series):
    return series.copy()


def naive_rolled(series):
    return np.roll(series, 1)


def _ones_after(X):
    return np.hstack([X, np.ones((len(X), 1))])


def ar_newest_lag_first(series, p):
    p = int(p)
    X = np.stack([series[p - 1 - k : len(series) - 1 - k] for k in range(p)], axis=1)  # column k: lag k + 1
    X = _ones_after(X)
    return np.linalg.solve(X.T @ X, X.T @ series[p:])


def ar_window_read_backwards(series, p):
    p = int(p)
    X = _ones_after(np.stack([series[t - p : t][::-1] for t in range(p, len(series))]))
    return np.linalg.lstsq(X, series[p:], rcond=None)[0]


def ar_bias_first(series, p):
    p = int(p)
    X = np.stack([series[t - p : t] for t in range(p, len(series))])
    X = np.hstack([np.ones((len(X), 1)), X])
    return np.linalg.lstsq(X, series[p:], rcond=None)[0]


def ar_no_bias(series, p):
    p = int(p)
    X = np.stack([series[t - p : t] for t in range(p, len(series))])
    return np.linalg.lstsq(X, series[p:], rcond=None)[0]


def ar_zero_bias(series, p):
    p = int(p)
    X = np.stack([series[t - p : t] for t in range(p, len(series))])
    return np.append(np.linalg.lstsq(X, series[p:], rcond=None)[0], 0.0)


def ar_windows_of_p_plus_one(series, p):
    p = int(p)
    X = _ones_after(np.stack([series[t - p - 1 : t] for t in range(p + 1, len(series))]))
    return np.linalg.lstsq(X, series[p + 1 :], rcond=None)[0]


def ar_window_ends_at_its_target(series, p):
    p = int(p)
    X = _ones_after(np.stack([series[t - p + 1 : t + 1] for t in range(p, len(series))]))
    return np.linalg.lstsq(X, series[p:], rcond=None)[0]


def ar_target_is_the_last_input(series, p):
    p = int(p)
    X = _ones_after(np.stack([series[i : i + p] for i in range(len(series) - p)]))
    return np.linalg.lstsq(X, series[p - 1 : -1], rcond=None)[0]


def ar_targets_from_the_start(series, p):
    p = int(p)
    X = _ones_after(np.stack([series[i : i + p] for i in range(len(series) - p)]))
    return np.linalg.lstsq(X, series[:-p], rcond=None)[0]


def ar_two_steps_ahead(series, p):
    p = int(p)
    X = _ones_after(np.stack([series[i : i + p] for i in range(len(series) - p - 1)]))
    return np.linalg.lstsq(X, series[p + 1 :], rcond=None)[0]


def mae_squared(y_true, y_pred):
    return np.mean((y_true - y_pred) ** 2)


def mae_root_mean_square(y_true, y_pred):
    return np.sqrt(np.mean((y_true - y_pred) ** 2))


def mae_signed(y_true, y_pred):
    return np.mean(y_true - y_pred)


def mae_abs_of_the_mean(y_true, y_pred):
    return np.abs(np.mean(y_true - y_pred))


def mae_signed_the_other_way(y_true, y_pred):
    return np.mean(y_pred - y_true)


def mae_summed(y_true, y_pred):
    return np.sum(np.abs(y_true - y_pred))


def mae_not_averaged(y_true, y_pred):
    return np.abs(y_true - y_pred)


def windows_backwards(series, window):
    w = int(window)
    return np.stack([series[i : i + w][::-1] for i in range(len(series) - w)]), series[w:]


def windows_target_in_the_window(series, window):
    w = int(window)
    windows = np.stack([series[i : i + w] for i in range(len(series) - w)])
    return windows, np.array([series[i + w - 1] for i in range(len(series) - w)])


def windows_column_targets(series, window):
    w = int(window)
    return np.lib.stride_tricks.sliding_window_view(series[:-1], w), series[w:].reshape(-1, 1)


def windows_one_too_few(series, window):
    w = int(window)
    return np.stack([series[i : i + w] for i in range(len(series) - w - 1)]), series[w:-1]


def windows_one_too_many(series, window):
    w = int(window)
    return np.lib.stride_tricks.sliding_window_view(series, w), series[w:]


def windows_of_w_plus_one(series, window):
    w = int(window)
    return np.stack([series[i : i + w + 1] for i in range(len(series) - w)]), series[w:]


def windows_step_by_w(series, window):
    w = int(window)
    starts = range(0, len(series) - w, w)
    return np.stack([series[i : i + w] for i in starts]), np.array([series[i + w] for i in starts])


def windows_one_per_column(series, window):
    w = int(window)
    return np.stack([series[i : i + w] for i in range(len(series) - w)], axis=1), series[w:]


WRITTEN_SLIPS = [  # (grade_id, name, the learner's function, words the hint must hold, typed by hand)
    ("naive_forecast", "the values being forecast", naive_next_values, "your forecasts are series[1:]"),
    (
        "naive_forecast",
        "the last value repeated",
        naive_last_repeated,
        "repeats the last value of the series",
    ),
    (
        "naive_forecast",
        "the first value repeated",
        naive_first_repeated,
        "repeats the first value of the series",
    ),
    ("naive_forecast", "the mean repeated", naive_mean, "repeats the mean of the series"),
    ("naive_forecast", "all T values", naive_whole_series, "your forecasts are the whole series"),
    ("naive_forecast", "np.roll", naive_rolled, "np.roll(series, 1), which wraps the last value around"),
    (
        "fit_autoregressive",
        "lag columns newest first",
        ar_newest_lag_first,
        "lag weights are in reverse order",
    ),
    (
        "fit_autoregressive",
        "each window read backwards",
        ar_window_read_backwards,
        "lag weights are in reverse order",
    ),
    ("fit_autoregressive", "bias first", ar_bias_first, "your bias comes first"),
    ("fit_autoregressive", "no bias", ar_no_bias, "your design has no column of ones"),
    ("fit_autoregressive", "a zero bias appended", ar_zero_bias, "your bias is 0"),
    ("fit_autoregressive", "windows of p+1", ar_windows_of_p_plus_one, "your rows hold p+1 past values"),
    (
        "fit_autoregressive",
        "windows ending at their target",
        ar_window_ends_at_its_target,
        "copies the newest value of each window",
    ),
    ("fit_autoregressive", "targets series[p-1:-1]", ar_target_is_the_last_input, "copies the newest value"),
    (
        "fit_autoregressive",
        "targets series[:-p]",
        ar_targets_from_the_start,
        "copies the oldest value of each window",
    ),
    ("fit_autoregressive", "targets series[p+1:]", ar_two_steps_ahead, "two steps after their windows"),
    ("mean_absolute_error", "squared errors", mae_squared, "squares each error"),
    ("mean_absolute_error", "root mean square", mae_root_mean_square, "root of the mean squared error"),
    ("mean_absolute_error", "no abs", mae_signed, "averages the signed errors y_true - y_pred"),
    ("mean_absolute_error", "abs of the mean", mae_abs_of_the_mean, "absolute value of that mean"),
    (
        "mean_absolute_error",
        "no abs, y_pred - y_true",
        mae_signed_the_other_way,
        "averages the signed errors y_pred - y_true",
    ),
    ("mean_absolute_error", "summed", mae_summed, "sums the absolute errors"),
    ("mean_absolute_error", "no mean", mae_not_averaged, "returns every absolute error"),
    ("make_windows", "windows backwards", windows_backwards, "your windows run backwards"),
    (
        "make_windows",
        "target inside the window",
        windows_target_in_the_window,
        "targets is the last value of its own window",
    ),
    ("make_windows", "column targets", windows_column_targets, "your targets are a column"),
    ("make_windows", "one window too few", windows_one_too_few, "one window too few"),
    ("make_windows", "one window too many", windows_one_too_many, "one window too many"),
    ("make_windows", "windows of w+1", windows_of_w_plus_one, "your windows hold w+1 values"),
    ("make_windows", "stepping by w", windows_step_by_w, "step by the window length"),
    ("make_windows", "one window per column", windows_one_per_column, "stacked one per column"),
]


@pytest.mark.parametrize("grade_id, name, function, words", WRITTEN_SLIPS, ids=[e[1] for e in WRITTEN_SLIPS])
def test_a_written_slip_gets_its_hint_on_the_first_public_case(grade_id, name, function, words):
    question = QUESTIONS[grade_id]
    verdict = question.check_cases({question.function: function}, question.public_cases()[:1])
    assert verdict.status == FAILED and words in verdict.message, verdict.message


def test_the_missing_bias_is_reported_as_a_shape_with_the_hint():
    verdict = first_failure(AR, ar_no_bias)
    assert (
        "coefficients has shape (2,); expected (3,)" in verdict.message
        and "no column of ones" in verdict.message
    )


# ---- the baselines and the cases of `forecast` ----------------------------------------------------------
def test_the_ar_baseline_chooses_p_on_the_last_40_years_as_the_lesson_does():
    history = SUNSPOTS[:269]  # the lesson's training part: it chose p = 10 there
    validation = [
        mean_absolute_error(history[-40:], ar_one_step(fit_ar(history[:-40], p), history, 229))
        for p in range(1, 16)
    ]
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
        truth, base = SUNSPOTS[cut : cut + horizon], baselines(history, horizon)
        assert base.ar <= FAIR_RATIO * min(base.naive, base.mean), case.label  # the AR baseline clearly wins
        if index >= len(public):  # hidden: and so does every AR(p) of FAIR_ORDERS
            assert cut in FAIR_CUTS[horizon]
            for p in (2, 9, 12):
                assert np.mean(
                    np.abs(recursive_ar_forecast(history, horizon, p) - truth)
                ) <= FAIR_RATIO * min(base.naive, base.mean), case.label
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


@pytest.mark.parametrize(
    "name, slip, words",
    [
        (
            "the naive forecast",
            lambda history, horizon: naive_multi_step(history, horizon)[0],
            "yours is the naive forecast itself",
        ),
        (
            "the history's mean",
            lambda history, horizon: np.full(int(horizon), history.mean()),
            "yours is the mean of the history, repeated",
        ),
        (
            "a constant",
            lambda history, horizon: np.full(int(horizon), 50.0),
            "every year of your forecast is the same",
        ),
        ("zeros", lambda history, horizon: np.zeros(int(horizon)), "every year of your forecast is the same"),
        (
            "the mean of the last cycle",
            lambda history, horizon: np.full(int(horizon), history[-11:].mean()),
            "every year of your forecast is the same",
        ),
        (
            "AR(9), the old solution",
            lambda history, horizon: np.maximum(recursive_ar_forecast(history, int(horizon), 9), 0),
            "yours is the forecast of a least-squares AR(9)",
        ),
        (
            "the AR baseline",
            lambda history, horizon: recursive_ar_forecast(
                history, int(horizon), validated_ar_order(history)
            ),
            "a baseline itself",
        ),
    ],
)
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
        return (
            np.array([model(window).item() for _ in range(int(horizon))]) * scale
        )  # the same window every time


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


@pytest.mark.parametrize(
    "slip, words",
    [
        (not_fed_back, "feed each forecast back as the newest value of the window"),
        (scaling_not_undone, "the scaled units the network works in"),
        (one_too_few, "One value too few"),
        (window_in_the_forecasts, "One value too many"),
        (never_trained, "that the training loss fell"),
        (barely_trained, "that the training loss fell"),
    ],
)
def test_each_forecaster_slip_fails_public_and_hidden_with_its_words(slip, words):
    public, hidden = public_and_hidden(FORECAST, slip, TRAINED_SEEDS)
    assert public.status == FAILED and words in public.message, public.message
    assert all(v.status == FAILED and words in v.message for v in hidden), hidden


def test_hidden_feedback_carries_no_numbers():
    _, hidden = public_and_hidden(FORECAST, scaling_not_undone, TRAINED_SEEDS)
    for verdict in hidden:
        words = verdict.message.replace("within 1.5 of zero", "")
        assert not any(ch.isdigit() for ch in words.split(":", 1)[1]), verdict.message


@pytest.mark.parametrize(
    "function, words",
    [
        (
            lambda history, horizon: np.full(int(horizon), np.nan),
            "forecasts contains NaN or infinity, first at year ahead 0",
        ),
        (lambda history, horizon: np.zeros((int(horizon), 1)), "forecasts has shape (11, 1); expected (11,)"),
        (lambda history, horizon: np.zeros(3), "shape (horizon,) = (11,)"),
        (lambda history, horizon: np.array(["a"] * int(horizon)), "forecasts should be an array of numbers"),
        (lambda history, horizon: list(range(int(horizon)))[int("x")], "raised ValueError"),
    ],
)
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
