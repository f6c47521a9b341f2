import numpy as np
import pytest
import torch


@pytest.fixture(autouse=True)
def _seed_everything():
    """Every test starts from the same random state, so a failure reproduces."""
    np.random.seed(0)
    torch.manual_seed(0)


@pytest.fixture
def fresh_session(monkeypatch):
    """The learner's API as in a new kernel: no answers or verdicts, no progress file, outside nbgrader.
    A test module that drives check()/answer() says `pytestmark = pytest.mark.usefixtures("fresh_session")`."""
    from coursekit.learner import SESSION

    SESSION.reset()
    monkeypatch.setattr(SESSION, "progress_file", None)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    yield SESSION
    SESSION.reset()


@pytest.fixture
def close_figures():
    """Close every matplotlib figure a test made (figure tests say pytestmark = usefixtures("close_figures"))."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


from browser import chromium  # noqa: E402,F401  (the headless Chromium fixture of the browser tests)
