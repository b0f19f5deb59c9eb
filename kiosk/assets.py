"""Fonts, sounds, translations and branding, found the same way from a checkout and from a wheel.

In a source checkout they live in the top-level ``resources/`` folder; a wheel carries the same
files as the package ``kiosk._resources`` (``pyproject.toml`` maps it onto ``resources/``), so an
installed kiosk finds them through importlib.resources. ``$KIOSK_RESOURCES`` overrides both.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2] / "resources"


@cache
def root() -> Path:
    env = os.environ.get("KIOSK_RESOURCES")
    if env:
        return Path(env)
    try:
        packaged = Path(str(resources.files("kiosk._resources")))
    except ModuleNotFoundError:  # a plain checkout on sys.path
        return _CHECKOUT
    return packaged if (packaged / "fonts").is_dir() else _CHECKOUT


def path(*parts: str) -> Path:
    """``path("fonts", "DejaVuSans.ttf")``: a file or folder of the resources."""
    return root().joinpath(*parts)
