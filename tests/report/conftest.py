import pytest

from corpus_tools.cli import main


@pytest.fixture(scope="session")
def sample_run(sample_dir, tmp_path_factory):
    """`corpus-tools run` on the sample corpus, once for the report tests that only read its output."""
    out = tmp_path_factory.mktemp("sample") / "out"
    assert main(["run", str(sample_dir), "--out", str(out), "--no-progress"]) == 0
    return out
