"""The ``resultsframework`` command: the top layer, built only on the public API below it."""
