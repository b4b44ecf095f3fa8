import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "data" / "sample"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests need ../shared beside the repository (present in CI)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _require(SHARED / "corpus" / "seeds")


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(_require(SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def duckling_dir() -> Path:
    return _require(SHARED / "testsets" / "duckling")


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE
