"""The analyst's HTML report: :func:`transforms.report.site.build_site` turns frames into pages.

It sits in ``transforms/`` beside the pipeline's stages, which never import it: workers stay
light, and its dependencies (Altair, vl-convert, countryinfo, Jinja2) load only when a report is
built. It keeps the rules of ``transforms/``: pure, no Prefect, no database and no file writing
(``connectors/reportdb.py`` reads, ``connectors/sitefiles.py`` writes), so every page can be
built and checked in a unit test. Templates, the stylesheet, the chart loader and licence notices
are package data.

Modules: ``model`` (filters and the frames read), ``site`` (pages), ``charts`` (Vega-Lite specs),
``markup`` (escaping helpers, anchored article text, file names), ``geo`` (offline country
outlines), ``assets`` (CSS, JS bundle, licences).
"""
