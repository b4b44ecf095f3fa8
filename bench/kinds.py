"""Cross-validated accuracy of the amount-kind classifier, per kind, on the annotated sentences.

    .venv/bin/python bench/kinds.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus_tools.extract.kinds import cross_validated_report  # noqa: E402


def main() -> None:
    report = cross_validated_report()
    print(f"{report['n']} annotated sentences, 5-fold cross-validation")
    for kind, row in report["per_kind"].items():
        print(f"  {kind:<14} n={row['n']:>3}  accuracy {row['accuracy']:.2f}")
    print(f"overall accuracy {report['accuracy']:.3f}")
    print(f"investment or funding round versus anything else: {report['investing_vs_rest_accuracy']:.3f}")


if __name__ == "__main__":
    main()
