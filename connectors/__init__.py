"""I/O adapters: everything that touches the disk or the network, and nothing that parses text.

Inputs flow ``discover`` (names -> SourceItem) -> ``acquire`` (SourceItem -> RawDoc | Failure),
which reads local files with ``files.read_local`` and fetches URLs with ``http.fetch_urls``. These
modules never import Prefect: the flows wrap them in coarse tasks, so they must work (and be tested)
as plain functions over a whole batch.
"""
