"""The tests' own comparator, so that no test judges the package with the package's code (coursekit.nn.rel_error
is code under test: a bug in it would leave every test that used it green)."""
import numpy as np


def assert_close(got, want, rel: float, message: str = "") -> None:
    """got equals want, shape for shape, up to rel x the largest magnitude in want (numpy.testing underneath)."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert got.shape == want.shape, f"{message} shapes {got.shape} and {want.shape}"
    scale = float(np.max(np.abs(want), initial=0.0))
    np.testing.assert_allclose(got, want, rtol=rel, atol=rel * scale, err_msg=str(message))
