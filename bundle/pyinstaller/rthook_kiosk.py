"""PyInstaller runtime hook: runs inside the bundle before kiosk is imported.

- zbar: pyzbar looks its library up with ``ctypes.util.find_library("zbar")``, which searches the
  system's folders, never the bundle. Here it finds only the library kiosk.spec put at the bundle's
  top, never the system's: a bundle built without it fails on every machine (and in the smoke test),
  not only on those lacking libzbar. (On Windows pyzbar loads the DLLs kept in its own package.)
- A clean environment (double-click from a file manager, ``env -i``) may have no locale: Qt then
  warns that it switched "C" to C.UTF-8. kiosk reads and writes UTF-8, so it says so itself.
"""

import ctypes.util
import glob
import os
import sys

_BUNDLE = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
_system_find_library = ctypes.util.find_library


def _find_library(name: str) -> str | None:
    if name == "zbar":
        for pattern in ("libzbar.so*", "libzbar*.dylib", "libzbar*.dll"):
            found = sorted(glob.glob(os.path.join(_BUNDLE, pattern)))
            if found:
                return found[0]
        return None
    return _system_find_library(name)


ctypes.util.find_library = _find_library

if sys.platform != "win32" and not any(os.environ.get(v) for v in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"
