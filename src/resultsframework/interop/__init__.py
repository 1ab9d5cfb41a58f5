"""
Other tools' formats, both ways where they allow it.

pandas frames (:mod:`.frames`), the Excel tracking workbook (:mod:`.tracker`), IATI 2.03
(:mod:`.iati`) and HXL (:mod:`.hxl`); :mod:`.readback` is what reading a table back shares.
"""
