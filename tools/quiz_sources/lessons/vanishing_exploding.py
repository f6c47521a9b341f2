"""Check yourself, lesson 07: vanishing and exploding gradients (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "07_vanishing_exploding.ipynb"
QUESTIONS = [
    Question(
        "vanishing_radius_below_one",
        "choice",
        "A tanh RNN's W_R has spectral radius 0.63 and largest singular value 1.91. Must the gradient "
        "dL_T/dh_t shrink as the distance T - t grows?",
        "b",
        "Only a largest singular value below 1 guarantees vanishing with tanh. Each step back multiplies by "
        "diag(1 - h_k^2) W_R, and that matrix can have a larger radius than W_R: with unit 2 saturated, "
        "diag(1, 0.002) W_R has radius about 1.2, and the lesson's gradient grew about 4e4-fold over 59 "
        "steps.",
        {
            "a": "The radius decides the powers W_R^n alone, which do vanish here. With tanh, every step "
            "multiplies "
            "by diag(1 - h_k^2) W_R instead, and that product can have a radius above 1: the lesson's "
            "counterexample, radius 0.63, grew the gradient about 4e4-fold over 59 steps.",
            "c": "tanh's derivative is at most 1, so tanh itself never stretches a gradient; what stretches "
            "it is "
            "W_R, by at most its largest singular value per step. Whether it grows depends on the states.",
            "d": "Saturation shrinks single units' paths, but shrinking one unit's path changes the matrix "
            "of the "
            "step, and its radius can go up: diag(1, 0.002) W_R has radius about 1.2 while W_R's is 0.63.",
        },
        options={
            "a": "yes: a spectral radius below 1 makes the gradient vanish",
            "b": "no: only a largest singular value below 1 guarantees it, and saturated units can make "
            "each step's Jacobian grow the gradient",
            "c": "no: tanh always makes gradients explode",
            "d": "yes: saturation can only ever shrink the gradient further",
        },
    ),
    Question(
        "vanishing_entries_of_06",
        "number",
        "Every entry of a 2 x 2 recurrent matrix W_R is 0.6. In the long run, by what factor per step do the "
        "norms of its powers W_R^n grow?",
        1.2,
        "The powers grow by the spectral radius, the largest absolute eigenvalue: W_R = 0.6 [[1, 1], [1, 1]] "
        "has eigenvalues 1.2 (eigenvector (1, 1)) and 0. So W_R^n explodes like 1.2^n although no entry is "
        "above 1, and the lesson's matrix with an entry of 1.2 has powers that vanish: the material's rule "
        "'the entries of W_R greater than one' is not the criterion.",
        {
            0.6: "0.6 is an entry, not an eigenvalue. The powers grow by the largest absolute eigenvalue: "
            "W_R (1, 1) = (1.2, 1.2), so the vector (1, 1) is multiplied by 1.2 at every step.",
            0.36: "0.36 is one entry squared, but a matrix product sums over a row: every entry of W_R^2 is "
            "0.6 * 0.6 + 0.6 * 0.6 = 0.72, of W_R^3 it is 0.864; each power is 1.2 times the last.",
            0.72: "0.72 is an entry of W_R^2; the next power's entries are 0.864, 1.2 times larger. The "
            "factor "
            "per step is the largest absolute eigenvalue of W_R, 1.2.",
        },
        tolerance=0.01,
    ),
    Question(
        "vanishing_clip_small_gradient",
        "choice",
        "Training clips by global norm at 1.0. In one step the global norm of the gradient is 0.3, and the "
        "part "
        "that should teach the network about a marker 90 steps back is 1e-9 of the part from the last step. "
        "What does clipping do in that step?",
        "a",
        "Clipping only ever shortens a gradient whose norm is above the limit; at 0.3 nothing changes, and "
        "the "
        "vanished part stays vanished. Clipping cures exploding gradients (the lesson's run that reached "
        "inf trained once clipped); vanishing ones need another architecture, such as the LSTM.",
        {
            "b": "Clipping never scales a gradient up: below the limit it passes unchanged (torch and "
            "coursekit "
            "use min(1, max_norm / norm)).",
            "c": "Clipping by global norm multiplies all parameters' gradients by one factor, so it cannot "
            "favour "
            "one part; and here the factor is 1, because the norm is below the limit.",
            "d": "Clipping by norm keeps the direction by design; only clipping by value can change it, and "
            "only "
            "for entries beyond the limit.",
        },
        options={
            "a": "nothing: the norm is below the limit, and the vanished part stays 1e-9 of the rest",
            "b": "it scales the whole gradient up to norm 1.0",
            "c": "it boosts the small part that comes from 90 steps back",
            "d": "it changes the direction of the update",
        },
    ),
    Question(
        "vanishing_relu_all_on",
        "choice",
        "A ReLU RNN's W_R has spectral radius 1.1, and every unit stays on (h > 0) at every step. What "
        "happens "
        "to the gradient going back, and to the states going forward?",
        "c",
        "ReLU's derivative is 1 on every unit that is on, so one step back multiplies by W_R itself: nothing "
        "damps it, and in the lesson the gradient grew by 1.10 per step, the radius, while the states grew "
        "to "
        "thousands. With tanh, the same W_R and inputs saturated the units and the gradient vanished.",
        {
            "a": "ReLU has no flat region on its positive side: its derivative there is exactly 1, so there "
            "is no "
            "saturation to damp the product; that is tanh's behaviour, not ReLU's.",
            "b": "ReLU's derivative is 0 only for units that are off; here every unit is on, so no path is "
            "cut. "
            "With units on and off (the lesson's second case), the cuts did make the gradient vanish.",
            "d": "ReLU is bounded below by 0 but not above: with every unit on, h_t = W_R h_(t-1) + ..., and "
            "the "
            "lesson's states grew to thousands.",
        },
        options={
            "a": "it is damped by ReLU's saturation, as with tanh, so it vanishes",
            "b": "it is cut to 0, because ReLU's derivative is 0",
            "c": "it grows by about 1.1 per step, and so do the states: nothing damps either",
            "d": "it grows, but the states stay between 0 and 1",
        },
    ),
    Question(
        "vanishing_layers_or_steps",
        "choice",
        "The lesson compared a 60-layer feed-forward tanh net (a different random matrix in each layer) with "
        "a "
        "recurrent net applying one such matrix at each of 60 steps, at the same scale and over 50 seeds. "
        "What "
        "did the measurement show?",
        "b",
        "The gradient changes geometrically with the number of matrices it crosses, layers or steps, so "
        "both nets vanish at scale 0.5 and grow at scale 2, with means within two powers of ten of each "
        "other. "
        "The difference is the spread: independent matrices average out, while the recurrent net multiplies "
        "one "
        "draw's luck 60 times, so its seeds spread wider (2 to 4 times the standard deviation in the "
        "lesson's run).",
        {
            "a": "The feed-forward net's gradient vanished too: at scale 0.5, 60 layers back, it was about "
            "1e-18 "
            "of its size in every seed. Depth causes it, whether the depth is layers or steps.",
            "c": "Different matrices do not protect it: at scale 0.5 the feed-forward net vanished in every "
            "seed, "
            "and at scale 2 it grew in every seed. What different matrices change is how much the seeds "
            "differ.",
            "d": "The other way round: the recurrent net, whose one matrix decides every step, spread wider "
            "over seeds than the feed-forward net, whose independent matrices average out.",
        },
        options={
            "a": "only the recurrent net's gradient vanished or exploded",
            "b": "both changed geometrically with depth, by similar amounts at the same scale; the "
            "recurrent net's seeds spread wider",
            "c": "the feed-forward net's gradient stayed about the same size, since its matrices differ",
            "d": "both behaved alike, and the recurrent net's seeds spread less, since it has one matrix",
        },
    ),
]
