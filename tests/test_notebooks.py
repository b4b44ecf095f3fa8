"""The notebooks run top to bottom on the sample corpus (and the seeds when ../shared is there),
from a working directory that is not theirs, and every chart cell shows its chart."""
import re
from pathlib import Path

import nbformat
import pytest

from corpus_tools.report.charts import CHARTS

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
CHART_CALL = re.compile(r"charts\.(%s)\(" % "|".join(f.__name__ for f in CHARTS.values()))


def test_the_three_notebooks_exist():
    assert [n.name for n in NOTEBOOKS] == ["1.0-corpus-overview.ipynb", "2.0-investment-summary.ipynb",
                                           "3.0-hardware-and-organisations.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_that_draws_is_tagged_chart(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and CHART_CALL.search(cell.source):
            assert "chart" in cell.metadata.get("tags", []), cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes_elsewhere_and_shows_every_chart(path, tmp_path):
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    chart_cells = [c for c in notebook.cells if "chart" in c.metadata.get("tags", [])]
    assert chart_cells
    for cell in chart_cells:
        images = [o for o in cell.outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
        assert images, f"no chart shown by: {cell.source}"
    assert not list(path.parent.glob("investments.*"))  # a saved chart lands in the working directory
