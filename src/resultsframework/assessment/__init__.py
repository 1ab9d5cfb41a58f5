"""
Judging what a programme reports: progress, validation and roll-ups.

:mod:`.progress` is the one computation of progress every renderer uses (:func:`assess`);
:mod:`.validation` finds what donors reject, by the rules of :mod:`.rules`; :mod:`.alignment`
places indicators under framework elements; :mod:`.dstwg` checks a partner's Durable Solutions
quarter.
"""
