"""tools/mutation_pass.py stays runnable: every bug it plants still finds the exact text it replaces.

(The pass itself runs the test suite once per mutant, minutes: a maintainer runs it, not CI.)
"""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_mutant_finds_its_text_once():
    spec = importlib.util.spec_from_file_location("mutation_pass", ROOT / "tools" / "mutation_pass.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    assert len(module.MUTANTS) >= 18 and len({m.id for m in module.MUTANTS}) == len(module.MUTANTS)
    areas = {m.path.split("/")[1].removesuffix(".py") for m in module.MUTANTS}
    assert {"nn", "checks", "quiz", "grading", "data", "train"} <= areas, areas
    for mutant in module.MUTANTS:
        count = (ROOT / mutant.path).read_text().count(mutant.old)
        assert count == 1, f"{mutant.id}: its text occurs {count} times in {mutant.path}; update the mutant"
        assert all((ROOT / test.split("::")[0]).exists() for test in mutant.tests), mutant.id
