"""The report's ``assets/`` folder: stylesheet, chart loader, Vega bundle, outlines, licences.

The Vega, Vega-Lite and Vega-Embed JavaScript comes from ``vl-convert-python``, which ships it
inside its wheel (no download): ``javascript_bundle()`` returns one script with all three and
their dependencies that sets ``window.vegaEmbed``. It is asked for the Vega-Lite version Altair
writes its specs in. Pages load it with a plain ``<script src>``, which browsers allow from
``file://`` (ES module imports they do not).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import altair as alt
import vl_convert

from transforms.report.geo import countries_script

_STATIC = ("report.css", "report.js", "THIRD_PARTY.txt")

#: What the bundle runs after its libraries: make them globals for assets/report.js.
_GLOBALS = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"


def vegalite_version() -> str | None:
    """Altair's Vega-Lite version as vl-convert names it ("6.4"), or None for its latest."""
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return major_minor if major_minor in vl_convert.get_vegalite_versions() else None


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """The Vega + Vega-Lite + Vega-Embed script (about 0.9 MB), built once per process."""
    header = (
        f"// Vega {vl_convert.get_vega_version()}, Vega-Lite {vegalite_version() or 'latest'}, "
        f"Vega-Embed {vl_convert.get_vega_embed_version()}: BSD-3-Clause, University of "
        "Washington Interactive Data Lab; bundled by vl-convert (BSD-3-Clause). "
        "See THIRD_PARTY.txt.\n"
    )
    return header + vl_convert.javascript_bundle(_GLOBALS, vl_version=vegalite_version())


def static_assets() -> dict[str, str]:
    """Every file under ``assets/``, keyed by its path in the report."""
    static = files("transforms.report") / "static"
    out = {f"assets/{name}": (static / name).read_text(encoding="utf-8") for name in _STATIC}
    out["assets/vega.js"] = vega_bundle()
    out["assets/countries.js"] = countries_script()
    return out
