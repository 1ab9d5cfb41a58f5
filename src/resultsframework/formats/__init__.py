"""
Output formats: laying out tables and reports for people.

Markdown, HTML, CSV, Word, Excel, the narrative report, charts, the notebook display and the
terminal summary.  Each lays out what the tables layer built; none computes.  Word, Excel and
charts need their extras, imported only when used.
"""
