"""
The core layer: a programme's results framework as typed data, and exact arithmetic on it.

Nothing here reads files, computes progress or renders: the model (:mod:`.model`), reporting
periods (:mod:`.periods`), exact numbers (:mod:`.numbers`), breakdowns (:mod:`.disaggregation`),
frameworks as data (:mod:`.framework`), diagnostics (:mod:`.diagnostics`), the errors every
layer raises (:mod:`.errors`, :mod:`.extras`), and what building much needs: the collector
paused (:mod:`.memory`) and constructors that skip the checks of values already checked
(:mod:`.building`).  Every other layer builds on this one.
"""
