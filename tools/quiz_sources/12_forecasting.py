"""Graded quiz question of exercises/12_forecasting.ipynb (why the naive forecast works),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "12_forecasting.ipynb"
QUESTIONS = [
    Question(
        "why_naive_forecast_works",
        "choice",
        "One year ahead, the naive forecast (next year = this year) is a fair baseline on the sunspot "
        "series, "
        "although the lesson's AR model and LSTM beat it. Why does repeating last year's value work at all?",
        "a",
        "A smooth series changes by a small step each year, so 'next = last' is off only by that step. A "
        "model "
        "earns its keep by predicting the step itself (the turn of the cycle), which is where AR and the "
        "LSTM win; "
        "a few years ahead the naive forecast falls far behind, as the steps add up.",
        {
            "b": "the naive forecast fits nothing at all: it has no parameters. It works because the series "
            "is smooth, "
            "and the AR model and the LSTM of the notebook still beat it.",
            "c": "if it were pure noise, repeating the last value would be a poor forecast (the mean would "
            "do better). "
            "The series has an 11-year cycle, which is why the models of the notebook can beat the naive "
            "forecast.",
            "d": "it only uses the value of the year before; forecasting year t with the value of year t "
            "itself would "
            "be cheating. It works because neighbouring years have similar values.",
        },
        options={
            "a": "from one year to the next the series moves little compared with its whole range, so the "
            "last "
            "value already says most of what can be known about the next one",
            "b": "the naive forecast is fitted by least squares, so no other model can have a lower error",
            "c": "the sunspot series is pure noise, so no model can do better than repeating the last value",
            "d": "the naive forecast uses the value it is asked to predict",
        },
        salt="5c2e9a41d7b03f68",
    ),
]
