"""What the figure tests read from a drawing."""

from collections import Counter


def kinds(ax) -> Counter:
    """How many boxes and arrows of each kind (their gid) the Axes holds."""
    return Counter(patch.get_gid() for patch in ax.patches)
