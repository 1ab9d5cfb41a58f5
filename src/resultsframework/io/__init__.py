"""
Files: reading and writing programme and framework documents.

:mod:`.converter` is the one converter between the model and the file format; :mod:`.yaml` and
:mod:`.json` read and write those syntaxes strictly; :mod:`.documents` loads and dumps
documents; :mod:`.portfolios` reads and writes JSON Lines portfolios; :mod:`.frameworks` keeps
the shipped and registered frameworks; :mod:`.schema` is the JSON Schema; :mod:`.atomic` writes
files so that a failed write never leaves half a file.
"""
