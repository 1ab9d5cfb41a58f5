"""
Text: the one place where values and labels become words, and words are made safe for a format.

:mod:`.l10n` localises fixed labels (gettext catalogues), numbers, dates and values (babel);
:mod:`.labels` names the model's enumerations; :mod:`.values` writes values for machines;
:mod:`.escape` escapes text for HTML, Markdown, spreadsheets, XML and terminals.
"""
