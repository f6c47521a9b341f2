"""Forward+backward time of the NumPy cells against PyTorch's CPU layers.

    python benchmarks/cells.py [--repeats 15] [--sizes 64,100,32,128]

For each cell (RNN tanh, LSTM, GRU) and dtype (float32, float64) it times one forward and
one backward over a whole sequence of x (N, T, D) with hidden size H:
  coursekit   coursekit.nn's sequence functions (rnn_forward/backward, ...)
  torch       torch.nn.RNN / LSTM / GRU (fused kernels)
  torch-cell  a Python loop over torch.nn.RNNCell / LSTMCell / GRUCell
and prints the median over repeats and the ratio coursekit / torch (below 1: NumPy faster).

Each framework is timed in a process of its own, one after the other: NumPy's BLAS threads
keep spinning after a product and would steal a core from torch in a shared process.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import time

MODES = {"RNN": "RNN_TANH", "LSTM": "LSTM", "GRU": "GRU"}


def _median_time(step, repeats: int) -> float:
    step()  # warm-up: allocations, lazy initialisation
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_coursekit(mode: str, dtype: str, N: int, T: int, D: int, H: int, repeats: int) -> float:
    import numpy as np

    from coursekit import nn

    rng = np.random.default_rng(0)
    p = nn.init_layer_params(MODES[mode], D, H, seed=0, dtype=dtype)
    x = rng.standard_normal((N, T, D)).astype(dtype)
    dh = rng.standard_normal((N, T, H)).astype(dtype)

    def step():
        if mode == "RNN":
            _, cache = nn.rnn_forward(x, None, p)
            nn.rnn_backward(dh, cache)
        elif mode == "LSTM":
            _, cache = nn.lstm_forward(x, None, None, p)
            nn.lstm_backward(dh, cache)
        else:
            _, cache = nn.gru_forward(x, None, p)
            nn.gru_backward(dh, cache)

    return _median_time(step, repeats)


def time_torch(mode: str, dtype: str, N: int, T: int, D: int, H: int, repeats: int, cells: bool) -> float:
    import torch

    torch.manual_seed(0)
    torch_dtype = getattr(torch, dtype)
    x = torch.randn(N, T, D, dtype=torch_dtype, requires_grad=True)
    dh = torch.randn(N, T, H, dtype=torch_dtype)
    if not cells:
        module = getattr(torch.nn, mode)(D, H, batch_first=True).to(torch_dtype)

        def step():
            out, _ = module(x)
            out.backward(dh)
    else:
        cell = getattr(torch.nn, f"{mode}Cell")(D, H).to(torch_dtype)

        def step():
            h = torch.zeros(N, H, dtype=torch_dtype)
            state = (h, torch.zeros(N, H, dtype=torch_dtype)) if mode == "LSTM" else h
            outputs = []
            for t in range(T):
                state = cell(x[:, t], state)
                outputs.append(state[0] if mode == "LSTM" else state)
            torch.stack(outputs, 1).backward(dh)

    return _median_time(step, repeats)


def _in_own_process(function, *args) -> float:
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(function, args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--sizes", default="64,100,32,128", help="N,T,D,H")
    parser.add_argument("--modes", default="RNN,LSTM,GRU")
    parser.add_argument("--dtypes", default="float32,float64")
    args = parser.parse_args()
    N, T, D, H = map(int, args.sizes.split(","))
    print(f"forward+backward, N={N} T={T} D={D} H={H}, median of {args.repeats} runs, milliseconds")
    header = f"{'cell':<6}{'dtype':<9}{'coursekit':>11}{'torch':>9}{'torch-cell':>12}{'coursekit/torch':>17}"
    print(header)
    print("-" * len(header))
    for dtype in args.dtypes.split(","):
        for mode in args.modes.split(","):
            ours = _in_own_process(time_coursekit, mode, dtype, N, T, D, H, args.repeats)
            fused = _in_own_process(time_torch, mode, dtype, N, T, D, H, args.repeats, False)
            looped = _in_own_process(time_torch, mode, dtype, N, T, D, H, args.repeats, True)
            print(f"{mode:<6}{dtype:<9}{ours * 1e3:>11.1f}{fused * 1e3:>9.1f}{looped * 1e3:>12.1f}{ours / fused:>17.2f}")


if __name__ == "__main__":
    main()
