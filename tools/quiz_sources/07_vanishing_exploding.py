import json
from coursekit.quiz import seal_question
o1 = {"a": "it grows step by step, so it explodes",
      "b": "it shrinks towards zero, roughly by a constant factor per step: it vanishes",
      "c": "it stays about the same size",
      "d": "it shrinks at first, then grows once the tanh units saturate"}
q1 = seal_question("3d9e1f7a0b6c2548", "choice", "b",
    "Each step back multiplies by diag(1 - h_k^2) W_R. The powers of W_R shrink by about the spectral radius 0.8 "
    "per step, and tanh's derivative is at most 1, so it can only shrink faster: the gradient vanishes.",
    {"a": "growth needs a spectral radius above 1; with 0.8 every step back shrinks the gradient by about 0.8 "
          "(and tanh's derivative, at most 1, shrinks it further).",
     "c": "that is the case of a spectral radius close to 1 (and no saturation); 0.8 loses about a factor 0.8 "
          "per step, 0.8^50 ≈ 1e-5 after 50 steps.",
     "d": "saturation makes tanh's derivative close to 0, which shrinks the gradient even more; it never makes "
          "it grow."},
    options=tuple(o1))
o2 = {"a": "exploding gradients only",
      "b": "vanishing gradients only",
      "c": "both exploding and vanishing gradients",
      "d": "neither: it only speeds up training"}
q2 = seal_question("8a51c3e7f90d2b64", "choice", "a",
    "Clipping only ever shortens a gradient that is longer than the limit. A gradient that has vanished is far "
    "below any limit and passes unchanged: vanishing needs another architecture (the LSTM) or initialisation.",
    {"b": "clipping never makes a gradient longer: a gradient below the limit passes unchanged, so a vanished "
          "gradient stays vanished. It is the exploding ones it cuts down.",
     "c": "it cuts exploding gradients down, but it never scales a gradient up, so a vanished gradient stays "
          "vanished.",
     "d": "it does fix something: in this notebook's run it turned a loss that became inf into one that trained. "
          "It bounds the size of each update when the gradient explodes."},
    options=tuple(o2))
json.dump({"q1": q1, "q2": q2, "o1": o1, "o2": o2}, open("sealed.json", "w"), indent=1)
print("ok")
