"""
Tables: the one table model every output format renders, and the tables built with it.

:mod:`.table` is the model; :mod:`.mptf` the MPTF indicator table; :mod:`.report` the blocks of
the final narrative report; :mod:`.alignment` and :mod:`.dstwg` the framework and Durable
Solutions tables.  Every text in them is already localised.
"""
