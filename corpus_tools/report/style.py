"""The house style of every chart, set in one place: sober fonts, no chart junk, and the
Okabe-Ito palette, which stays distinct for readers with colour-vision deficiencies."""
from __future__ import annotations

import textwrap
from contextlib import contextmanager

OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442", "grey": "#7F7F7F", "black": "#000000"}
KIND_COLOURS = {"investment": OKABE_ITO["blue"], "funding_round": OKABE_ITO["orange"],
                "acquisition": OKABE_ITO["green"]}
LANG_COLOURS = {"en": OKABE_ITO["blue"], "fr": OKABE_ITO["vermillion"], "und": OKABE_ITO["grey"]}
OTHER_COLOUR = OKABE_ITO["grey"]
FIGSIZE = (10, 6)  # inches; at DPI 120 a chart is 1200 px wide
DPI = 120
FOOTNOTE_CHARS_PER_INCH = 12  # at 8.5 pt: a footnote wraps before it runs off the figure

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#444444",
    "axes.grid": False,
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "figure.dpi": DPI,
    "savefig.dpi": 2 * DPI,  # PNGs at 2x: sharp on high-density screens and in print
    "svg.fonttype": "none",  # SVG text stays text, editable in Illustrator or Inkscape
    "svg.hashsalt": "corpus_tools",  # stable element ids in SVG output
    "figure.facecolor": "white",
}



@contextmanager
def house_style():
    """The house rcParams for the charts drawn (and saved) inside.

    A backend loaded inside the context (pyplot loads it with the first figure) may switch on
    interactive mode, as Jupyter's inline backend does; ``rc_context`` would switch it off again on
    exit, and the notebook would then show no further figure. That one setting is kept as the
    context leaves it."""
    import matplotlib

    with matplotlib.rc_context(RC):
        try:
            yield
        finally:
            interactive = matplotlib.is_interactive()
    matplotlib.interactive(interactive)


def new_axes(figsize=FIGSIZE):
    import matplotlib.pyplot as plt

    with house_style():
        figure, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def finish(ax, title: str, footnote: str) -> None:
    """Title that states the finding, and the source line under the chart."""
    ax.set_title(title, loc="left", fontsize=RC["axes.titlesize"], fontweight="bold", pad=12, wrap=True)
    # supxlabel takes part in the constrained layout, so the source line never overlaps the chart.
    width_chars = int(ax.figure.get_figwidth() * FOOTNOTE_CHARS_PER_INCH)
    ax.figure.supxlabel(textwrap.fill(footnote, width_chars), x=0.01, ha="left", fontsize=8.5, color="#555555")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
