"""Sphinx configuration of the briefings documentation.

Build (offline, warnings are errors)::

    python -m sphinx -W -n --keep-going -b html docs docs/_build/html
    python -m sphinx -W -n --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import briefings  # noqa: E402  (after the path set-up on purpose)

project = "briefings"
author = "The briefings developers"
copyright = "the briefings developers"
release = briefings.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "myst_parser",
    "briefings_docs",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

# -- autodoc --------------------------------------------------------------------------
autodoc_default_options = {
    "members": True,
    "undoc-members": True,
    "member-order": "bysource",
}
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = False
autodoc_class_signature = "mixed"
add_module_names = False
python_use_unqualified_type_names = True

# No intersphinx: the build must pass offline. Names from the standard library and
# from attrs/Hypothesis are not linked; nitpicky mode is told so explicitly here.
_STDLIB = "|".join(sorted(m for m in sys.stdlib_module_names if not m.startswith("_")))
nitpick_ignore_regex = [
    ("py:.*", rf"({_STDLIB})(\..*)?"),
    ("py:class", r"(datetime|typing|collections\.abc|enum|pathlib|io|argparse)\..*"),
    ("py:.*", r"(attrs|attr|hypothesis|cattrs|dask)(\..*)?"),
    ("py:class", r"dt\..*"),
    ("py:class", r"(IO|Any|Iterable|Iterator|Callable|Sequence|Mapping|PurePath|Path)"),
    ("py:class", r"(date|datetime|TextIO|SearchStrategy|Bag|Attribute)"),
    ("py:class", r"(str|int|float|bool|bytes|object|type|None|NoneType|dict|list|tuple)"),
    ("py:class", r"(Exception|ValueError|LookupError|KeyError|TypeError|OSError)"),
    ("py:class", r"(Literal|Kind|_T|T)(\[.*\])?"),
    ("py:exc", r"(ValueError|KeyError|LookupError|TypeError|OSError)"),
    ("py:obj", r"(briefings\.model\._T|typing\..*)"),
]

# -- doctest --------------------------------------------------------------------------
# Examples run in docs/_examples, where the example texts are (and go back after).
doctest_global_setup = f"""
import datetime as dt
import os as _os
import briefings
_cwd = _os.getcwd()
_os.chdir({str(HERE / "_examples")!r})
"""
doctest_global_cleanup = """
_os.chdir(_cwd)
"""
doctest_test_doctest_blocks = "default"

# -- HTML -----------------------------------------------------------------------------
html_theme = "furo"
html_title = f"briefings {release}"
html_static_path = ["_static"]
html_css_files = ["briefings.css"]
html_theme_options = {
    "source_repository": "",
    "navigation_with_keys": True,
}
myst_heading_anchors = 3

from briefings.codecs.schema import SCHEMA_ID  # noqa: E402

rst_epilog = f"""
.. |schema_id| replace:: ``{SCHEMA_ID}``
"""

# Exception messages in examples are checked too (Sphinx ignores them by default).
import doctest  # noqa: E402

doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1
