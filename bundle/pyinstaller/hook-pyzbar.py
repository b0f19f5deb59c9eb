"""pyzbar loads libzbar with ctypes, so the import scan never sees it. Windows wheels carry the DLLs
in the package; elsewhere the system's library (libzbar0, Homebrew's zbar) is copied into the bundle
by kiosk.spec (``zbar_library()``), and rthook_kiosk.py makes pyzbar find it there."""

from PyInstaller.utils.hooks import collect_dynamic_libs

binaries = collect_dynamic_libs("pyzbar")
