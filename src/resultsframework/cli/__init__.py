"""
The ``resultsframework`` command: the top layer, built on the public API and the layers below it.

:func:`main` runs it (``main(["validate", "programme.yaml"])`` returns the exit code);
:func:`parser` is its argument parser, from which the documentation's command reference is
generated.
"""

from .arguments import parser
from .main import main

__all__ = ["main", "parser"]
