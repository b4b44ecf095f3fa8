import subprocess
import sys


def run_cli(*args, timeout=900, **kwargs):
    """corpus-tools in a child process: a crash there fails a test instead of killing pytest."""
    return subprocess.run([sys.executable, "-m", "corpus_tools.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, **kwargs)
