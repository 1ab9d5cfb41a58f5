"""
The frameworks programmes report into: shipped ones, and those you add.

Shipped (loaded on first use, cited in each framework's ``source``):

* ``sdg``: the Sustainable Development Goals, their targets and indicators, in English, French
  and Arabic (``sdg:10.7``);
* ``gcm``: the 23 objectives of the Global Compact for Migration (``gcm:23``);
* ``iom-iraq-2022``: the IOM Strategy for Iraq 2022–2024: pillars, objectives, outcomes and
  cross-cutting priorities (``iom-iraq-2022:1.3``);
* ``dstwg-iraq``: the Durable Solutions Monitoring and Reporting Guidelines: strategic
  objectives, sub-criteria and the indicator catalogue (``dstwg-iraq:SO3.1.1``);
* ``undaf-iraq``: the UNDAF outcome MPTF reports cite (``undaf-iraq:A.2``).

A framework you write in YAML (a UNSDCF results matrix, a donor framework, a national plan) in
the same format is used exactly like these: :func:`load` it, :func:`register` it, and link to
its codes.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from .core.framework import Element, Framework
from .io.frameworks import dump, dumps, find, get, ids, list, load, loads, register, search, unregister  # noqa: A004

__all__ = [
    "Element",
    "Framework",
    "dump",
    "dumps",
    "find",
    "get",
    "ids",
    "list",
    "load",
    "loads",
    "register",
    "search",
    "unregister",
]
