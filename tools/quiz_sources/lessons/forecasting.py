"""Check yourself, lesson 12: forecasting (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "12_forecasting.ipynb"
QUESTIONS = [
    Question(
        "forecast_naive_baseline",
        "choice",
        "Your new forecaster reaches an MAE of 15 sunspots one year ahead on the held-out tail. Why compare "
        "it "
        "with the naive forecast (next year = this year) before calling it good?",
        "a",
        "An error means little on its own. The naive forecast needs no fitting, uses only the past, and is "
        "strong "
        "whenever a series moves little in one step (on the lesson's tail its MAE was 22.7 sunspots). A "
        "model "
        "earns its place only by beating it on years it never saw; on the S&P 500, nothing did by much.",
        {
            "b": "The naive forecast is not the best possible one: on the sunspots, AR(p) and the LSTM both "
            "cut its "
            "error by 30% and more. It is the floor to beat, not a ceiling.",
            "c": "Nothing is fitted for the naive forecast, on the tail or anywhere: it repeats the last "
            "true value "
            "before each year, which a forecaster has in hand at the time.",
            "d": "The naive forecast for year t is the value of year t-1, never of year t itself; a forecast "
            "that "
            "used the value being forecast would be cheating, not a baseline.",
        },
        options={
            "a": "it costs nothing and is already hard to beat on a series that moves in small steps, so a "
            "model is worth its cost only if it does clearly better on data it never saw",
            "b": "it is the best forecast possible, so a model can at most tie it",
            "c": "it is fitted on the tail, so its error is the lowest any model can reach there",
            "d": "it uses the value being forecast, so it shows the error of a perfect model",
        },
    ),
    Question(
        "forecast_choose_p_on_validation",
        "choice",
        "You try AR(p) for p = 1 to 15, keep the p with the lowest MAE on the held-out tail 1969-2008, and "
        "report "
        "that MAE as how well your model forecasts. What is wrong?",
        "b",
        "The tail is meant to stand for years nobody has seen. Once p is picked to make the tail's error "
        "small, "
        "that error is no longer an honest estimate: it is the best of 15 tries on those very years. Choose "
        "p on "
        "a validation split cut from the training part (the lesson used 1929-1968), refit, and use the tail "
        "once.",
        {
            "a": "The tail stands for the future, which no choice can look at. Tuning on it makes the "
            "reported error "
            "optimistic: it is the luckiest of 15 tries on those very years.",
            "c": "p is not fitted by least squares but chosen from outside, which is what a validation split "
            "is for; "
            "least squares then fits the weights for that p.",
            "d": "A larger p does not always win: in the lesson the validation error fell until about 10 "
            "years and "
            "then flattened, because extra weights fit noise. And if it always won, choosing on the tail "
            "would "
            "still tune on the test.",
        },
        options={
            "a": "nothing: the tail is the data that matters, so p should fit it best",
            "b": "the reported MAE is optimistic: p was chosen to make exactly that number small; choose p "
            "on "
            "a validation split and use the tail once, at the end",
            "c": "p should have been fitted by least squares together with the weights",
            "d": "nothing that matters: the largest p always wins anyway",
        },
    ),
    Question(
        "forecast_recursive_errors",
        "choice",
        "A model forecasts 11 years ahead by feeding each forecast back as an input. Averaged over 30 start "
        "years, its error 5 years ahead is larger than 1 year ahead. Why?",
        "a",
        "The forecast for year 5 is computed from the forecasts for years 1 to 4, which are off by their own "
        "errors; each step adds its own error and inherits the earlier ones. A model trained only on true "
        "windows has also never seen inputs that carry its own mistakes.",
        {
            "b": "The weights are fitted once and stay fixed while forecasting; only the inputs change, as "
            "forecasts "
            "replace true values.",
            "c": "Each row of the average starts at a different year, so 5 years ahead covers every part of "
            "the "
            "tail, not only its later years; the horizon, not the calendar, is what grows.",
            "d": "Five years ahead, the true values of the four years in between do not exist yet; using "
            "them would "
            "be one-step forecasting, not a forecast 5 years ahead.",
        },
        options={
            "a": "each forecast is made from earlier forecasts, which carry their own errors, so the errors "
            "accumulate",
            "b": "the model's weights drift as it forecasts further ahead",
            "c": "the later years of the tail are noisier than the earlier ones",
            "d": "feeding forecasts back is a mistake: the model should read the true values of the years "
            "in between",
        },
    ),
    Question(
        "forecast_stock_result",
        "choice",
        "On the S&P 500's monthly returns, AR(p) and three LSTMs all land within 15% of the naive forecast's "
        "MAE, "
        "and flattening their forecasts to a constant loses nothing. What does that show?",
        "c",
        "One month's return is almost uncorrelated with the next: the index is close to a random walk, whose "
        "best "
        "forecast from its own past is the last value (plus the average drift). The models learnt the drift "
        "and "
        "nothing else because there was nothing else in the past prices to learn.",
        {
            "a": "More capacity or training does not create a signal: the validation error hovered near the "
            "naive "
            "forecast's at every epoch, and the returns' lag-1 correlation is near 0. A larger network would "
            "only fit the noise better.",
            "b": "The same networks and baselines beat the naive forecast clearly on the sunspots; the "
            "difference is "
            "in the data, which has a cycle there and next to no structure here.",
            "d": "The naive forecast is the right baseline here above all: for a random walk it is (nearly) "
            "the best "
            "forecast there is, which is why nothing beat it by much.",
        },
        options={
            "a": "the LSTM was too small and trained too briefly; a larger one trained longer would find the "
            "pattern",
            "b": "recurrent networks cannot forecast time series",
            "c": "past returns say almost nothing about the next one: prices are close to a random walk, so "
            "the last price is nearly the best forecast from prices alone",
            "d": "the naive forecast is the wrong baseline for stock prices",
        },
    ),
    Question(
        "forecast_bidirectional",
        "choice",
        "A bidirectional LSTM reads the whole series 1700-1968 in both directions and outputs, at every year "
        "t, a "
        "forecast of year t+1. Its training error is nearly zero. Why is it useless as a forecaster?",
        "d",
        "Its backward direction reads the series from the end, so its output at year t has already read year "
        "t+1, "
        "the very value it is asked for. When forecasting, the years after t do not exist yet; a forecaster "
        "must "
        "read only the past, left to right (or a window of past values).",
        {
            "a": "Twice the weights is not the problem; a unidirectional LSTM of the same size would be a "
            "fair "
            "forecaster. The problem is what the backward direction reads: the future.",
            "b": "A bidirectional RNN trains with any loss, squared error included; the near-zero training "
            "error shows "
            "that it trains all too well.",
            "c": "The two directions' outputs are concatenated, not subtracted, so nothing cancels; the "
            "backward one "
            "brings in the values after year t, the answer included.",
        },
        options={
            "a": "it has twice the weights, so it overfits",
            "b": "a bidirectional RNN cannot be trained with a squared-error loss",
            "c": "its two directions cancel each other out",
            "d": "its output at year t has read the years after t, year t+1 included; when forecasting, "
            "those years do not exist yet",
        },
    ),
]
