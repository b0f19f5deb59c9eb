"""Fonts, sounds, translations and branding, found the same way from a checkout, a wheel and a bundle.

In a source checkout (plain, or `make`'s editable install) they live in the top-level ``resources/``
folder beside the package. A wheel carries the same files as the package ``kiosk._resources``
(setup.py maps it onto ``resources/``), found through importlib.resources; the PyInstaller bundle
(kiosk.spec) puts them at ``kiosk/_resources`` inside its own folder (``sys._MEIPASS``).
``$KIOSK_RESOURCES`` overrides all three.
"""

from __future__ import annotations

import contextlib
import os
import sys
from functools import cache
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1] / "resources"  # kiosk/assets.py -> the checkout's root


def _bundled() -> Path | None:
    """The bundle's copy, when this kiosk runs frozen by PyInstaller."""
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or base is None:
        return None
    return Path(base) / "kiosk" / "_resources"


@cache
def root() -> Path:
    env = os.environ.get("KIOSK_RESOURCES")
    if env:
        return Path(env)
    candidates: list[Path] = []
    bundled = _bundled()
    if bundled is not None:
        candidates.append(bundled)
    with contextlib.suppress(ModuleNotFoundError):  # a checkout: resources/ is no package of kiosk there
        candidates.append(Path(str(resources.files("kiosk._resources"))))
    candidates.append(_CHECKOUT)
    return next((where for where in candidates if (where / "fonts").is_dir()), _CHECKOUT)


def path(*parts: str) -> Path:
    """``path("fonts", "DejaVuSans.ttf")``: a file or folder of the resources."""
    return root().joinpath(*parts)
