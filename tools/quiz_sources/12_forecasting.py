"""Clear-text source of the quiz question in coursekit/checks/forecasting.py (run from the repo root;
prints the sealed fields to paste into the bank)."""
import json

from coursekit.quiz import seal_question

PROMPT = ("One year ahead, the naive forecast (next year = this year) is a fair baseline on the sunspot series, "
          "although the lesson's AR model and LSTM beat it. Why does repeating last year's value work at all?")

options = {
    "a": "from one year to the next the series moves little compared with its whole range, so the last value "
         "already says most of what can be known about the next one",
    "b": "the naive forecast is fitted by least squares, so no other model can have a lower error",
    "c": "the sunspot series is pure noise, so no model can do better than repeating the last value",
    "d": "the naive forecast uses the value it is asked to predict",
}
sealed = seal_question(
    "5c2e9a41d7b03f68", "choice", "a",
    "A smooth series changes by a small step each year, so 'next = last' is off only by that step. A model "
    "earns its keep by predicting the step itself (the turn of the cycle), which is where AR and the LSTM win; "
    "a few years ahead the naive forecast falls far behind, as the steps add up.",
    {"b": "the naive forecast fits nothing at all: it has no parameters. It works because the series is smooth, "
          "and the AR model and the LSTM of the notebook still beat it.",
     "c": "if it were pure noise, repeating the last value would be a poor forecast (the mean would do better). "
          "The series has an 11-year cycle, which is why the models of the notebook can beat the naive forecast.",
     "d": "it only uses the value of the year before; forecasting year t with the value of year t itself would "
          "be cheating. It works because neighbouring years have similar values."},
    options=tuple(options))
print(json.dumps({"prompt": PROMPT, "options": options, **sealed}, indent=1))
