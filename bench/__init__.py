"""Benchmarks and scorers: scripts run by hand, plus the ``bench.scoring`` package they share.

Nothing here ships with newsdb (the wheel holds ``flows``, ``transforms`` and ``connectors``);
tests import ``bench.scoring`` to hold the extractors to the figures the scripts print.
"""
