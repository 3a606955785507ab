"""Scoring newsdb's output against annotated news, shared by the ``bench/`` scripts and tests.

Every scorer runs inputs through the real pipeline (``pipeline``: ``process_batch``, as
``newsdb run`` does) and compares the rows a user would get with the gold:

* ``metrics``: precision, recall, F1 and tallies, written once;
* ``overlap``: the one matcher (positional word coverage, sentence overlap, one-to-one pairs);
* ``quotes`` and ``events``: the gold formats of the two kinds and their scoring;
* ``fixtures``: the project's own devset and seed expectations;
* ``plover``: PLOVER gold-standard event records (one sentence each);
* ``polnear``: PolNeAR attribution annotations, read by ``brat``, with ``speech`` (what counts
  as speech), ``align`` (cleaned-text offsets back to the file) and ``speakers`` (the
  hand-resolved speaker names);
* ``paths``: where the repository and the shared corpora are.
"""
