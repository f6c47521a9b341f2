"""Forward+backward time of the NumPy cells against PyTorch's CPU layers.

    python benchmarks/cells.py [--repeats 15] [--sizes 64,100,32,128]

For each cell (RNN tanh, LSTM, GRU) and dtype (float32, float64) it times one forward and
one backward over a whole sequence of x (N, T, D) with hidden size H:
  reference   coursekit.nn's reference sequence functions (rnn_forward/backward, ...): the
              loops over the step functions that the lessons show
  fast        coursekit.nn's fast path (fast_rnn_forward/backward, ...), what
              RecurrentNetwork runs; tests/test_nn_fast_paths.py holds it equal to the reference
  torch       torch.nn.RNN / LSTM / GRU (fused kernels)
  torch-cell  a Python loop over torch.nn.RNNCell / LSTMCell / GRUCell
and prints the median over repeats, the ratio fast / torch (below 1: NumPy faster) and the
ratio reference / fast (what the fast path saves).

Each kind runs in a process of its own (NumPy's BLAS threads keep spinning after a product
and would steal a core from torch in a shared process), and the four are timed in turn,
one run each, so that the noise of a shared machine hits them alike and the ratio holds.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import time

MODES = {"RNN": "RNN_TANH", "LSTM": "LSTM", "GRU": "GRU"}


def _make_step(kind: str, mode: str, dtype: str, N: int, T: int, D: int, H: int):
    """The function one timing runs, for kind "reference", "fast", "torch" or "torch-cell"."""
    if kind in ("reference", "fast"):
        return coursekit_step(mode, dtype, N, T, D, H, fast=kind == "fast")
    return torch_step(mode, dtype, N, T, D, H, cells=kind == "torch-cell")


def _worker(connection) -> None:
    """A process that builds a step on request and times single runs of it."""
    step = None
    while True:
        message = connection.recv()
        if message is None:
            return
        if message[0] == "build":
            step = _make_step(*message[1:])
            step()  # warm-up: allocations, lazy initialisation
            connection.send(None)
        else:
            times = []
            for _ in range(message[1]):
                start = time.perf_counter()
                step()
                times.append(time.perf_counter() - start)
            connection.send(times)


def coursekit_step(mode: str, dtype: str, N: int, T: int, D: int, H: int, fast: bool):
    import numpy as np

    from coursekit import nn

    rng = np.random.default_rng(0)
    p = nn.init_layer_params(MODES[mode], D, H, seed=0, dtype=dtype)
    x = rng.standard_normal((N, T, D)).astype(dtype)
    dh = rng.standard_normal((N, T, H)).astype(dtype)

    cell = {"RNN": "rnn", "LSTM": "lstm", "GRU": "gru"}[mode]
    prefix = "fast_" if fast else ""
    forward, backward = getattr(nn, f"{prefix}{cell}_forward"), getattr(nn, f"{prefix}{cell}_backward")
    initial_state = (None, None) if mode == "LSTM" else (None,)

    def step():
        _, cache = forward(x, *initial_state, p)
        backward(dh, cache)

    return step


def torch_step(mode: str, dtype: str, N: int, T: int, D: int, H: int, cells: bool):
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

    return step


KINDS = ("reference", "fast", "torch", "torch-cell")


def time_interleaved(workers, config, repeats: int, pause: float, burst: int = 3) -> dict[str, float]:
    """Median seconds per kind. The kinds take turns of `burst` runs each, so that the noise of
    a shared machine hits all alike; the first run of a turn warms caches and threads up and
    is dropped."""
    for kind, connection in workers.items():
        connection.send(("build", kind, *config))
    for connection in workers.values():
        connection.recv()
    times = {kind: [] for kind in workers}
    for _ in range(repeats):
        for kind, connection in workers.items():
            time.sleep(pause)  # let the other process's idle BLAS threads go to sleep first
            connection.send(("time", burst + 1))
            times[kind] += connection.recv()[1:]
    return {kind: statistics.median(values) for kind, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="turns per kind (each turn times 3 runs)")
    parser.add_argument("--sizes", default="64,100,32,128", help="N,T,D,H")
    parser.add_argument("--modes", default="RNN,LSTM,GRU")
    parser.add_argument("--dtypes", default="float32,float64")
    parser.add_argument("--pause", type=float, default=0.1, help="seconds of rest before each turn")
    args = parser.parse_args()
    N, T, D, H = map(int, args.sizes.split(","))
    print(f"forward+backward, N={N} T={T} D={D} H={H}, median of {3 * args.repeats} runs, milliseconds")
    header = (
        f"{'cell':<6}{'dtype':<9}{'reference':>11}{'fast':>9}{'torch':>9}{'torch-cell':>12}"
        f"{'fast/torch':>12}{'reference/fast':>16}"
    )
    print(header)
    print("-" * len(header))
    context = mp.get_context("spawn")
    workers, processes = {}, []
    for kind in KINDS:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child,), daemon=True)
        process.start()
        workers[kind], processes = parent, processes + [process]
    try:
        for dtype in args.dtypes.split(","):
            for mode in args.modes.split(","):
                t = time_interleaved(workers, (mode, dtype, N, T, D, H), args.repeats, args.pause)
                print(
                    f"{mode:<6}{dtype:<9}{t['reference'] * 1e3:>11.1f}{t['fast'] * 1e3:>9.1f}"
                    f"{t['torch'] * 1e3:>9.1f}{t['torch-cell'] * 1e3:>12.1f}"
                    f"{t['fast'] / t['torch']:>12.2f}{t['reference'] / t['fast']:>16.2f}",
                    flush=True,
                )
    finally:
        for connection in workers.values():
            connection.send(None)
        for process in processes:
            process.join()


if __name__ == "__main__":
    main()
