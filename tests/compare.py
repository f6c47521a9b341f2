"""The tests' own comparator, so that no test judges the package with the package's code (coursekit.nn.rel_error
is code under test: a bug in it would leave every test that used it green)."""

import numpy as np


def assert_close(got, want, rel: float, message: str = "") -> None:
    """got equals want, shape for shape, up to rel x the largest magnitude in want (numpy.testing underneath)."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert got.shape == want.shape, f"{message} shapes {got.shape} and {want.shape}"
    scale = float(np.max(np.abs(want), initial=0.0))
    np.testing.assert_allclose(got, want, rtol=rel, atol=rel * scale, err_msg=str(message))


def central_differences(f, array: np.ndarray, dout: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """d(sum(f() * dout)) / d(array), entry by entry by central differences; array is changed in place and
    restored (the tests' own finite differences, independent of coursekit.nn.gradcheck)."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        kept = array[index]
        array[index] = kept + h
        plus = np.sum(f() * dout)
        array[index] = kept - h
        minus = np.sum(f() * dout)
        array[index] = kept
        grad[index] = (plus - minus) / (2 * h)
    return grad
