"""The analyst's HTML report: :func:`report.site.build_site` turns frames into pages.

Why a package of its own rather than a module under ``transforms/``: ``transforms/`` holds the
pipeline's stages (documents in, records out), which run in worker processes and must stay light;
the report is an output product read by people, with Jinja2 templates, a stylesheet, a chart
loader and licence notices shipped as package data, and dependencies (Altair, vl-convert,
countryinfo) no worker needs. It keeps the same rules as ``transforms/``: pure, no Prefect, no
database and no file writing (``connectors/reportdb.py`` reads, ``connectors/sitefiles.py``
writes), so every page can be built and checked in a unit test.

Modules: ``model`` (filters and the frames read), ``site`` (pages), ``charts`` (Vega-Lite specs),
``markup`` (escaping helpers, anchored article text, file names), ``geo`` (offline country
outlines), ``assets`` (CSS, JS bundle, licences).
"""
