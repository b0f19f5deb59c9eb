"""Which packages the wheel holds, found rather than listed (the metadata is in pyproject.toml).

pyproject.toml alone cannot say "every package under kiosk/, plus resources/ installed as
kiosk._resources": ``packages.find`` only finds folders under their own names. So they are found
here: every folder of kiosk/ (namespace folders too, so none is left out as kiosk.ui.self_service
once was, and setuptools has no "Package would be ignored" to warn about), and every folder of
resources/ renamed under kiosk._resources. Which files each holds: ``package-data`` in pyproject.toml.

An editable install (`make`'s venv) is the checkout itself on sys.path (one .pth line, which
setuptools installs without its warnings about import finders): kiosk.assets then finds resources/
beside the package, as in a plain checkout.
"""

import sys

from setuptools import find_namespace_packages, setup

_SKIP = ["*.__pycache__", "*.__pycache__.*"]
_KIOSK = find_namespace_packages(include=["kiosk", "kiosk.*"], exclude=_SKIP)
_RESOURCES = ["kiosk._resources" + name.removeprefix("resources")
              for name in find_namespace_packages(include=["resources", "resources.*"], exclude=_SKIP)]

if "editable_wheel" in sys.argv:  # PEP 660 build_editable runs this command
    setup(packages=_KIOSK, package_dir={"": "."})
else:
    setup(packages=[*_KIOSK, *_RESOURCES], package_dir={"kiosk._resources": "resources"})
