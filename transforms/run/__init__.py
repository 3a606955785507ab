"""Run bookkeeping, beside the stages rather than in them.

* ``plan``: before any parsing, which inputs of a batch are new, updated or unchanged;
* ``summary``: the account a run ends with (terminal text, Prefect markdown, JSON);
* ``version``: newsdb's own version, recorded with every run.
"""
