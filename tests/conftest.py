import numpy as np
import pytest
import torch


@pytest.fixture(autouse=True)
def _seed_everything():
    """Every test starts from the same random state, so a failure reproduces."""
    np.random.seed(0)
    torch.manual_seed(0)


from browser import chromium  # noqa: E402,F401  (the headless Chromium fixture of the browser tests)
