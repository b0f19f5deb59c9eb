"""PyInstaller hook for kiosk: the modules it imports by name and the files it opens by path."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

# The command families (kiosk.cli.main.COMMAND_MODULES) and lazily imported services are imported
# by name at run time, which the import scan cannot see.
hiddenimports = collect_submodules("kiosk", filter=lambda name: not name.startswith("kiosk._resources"))
# The SQL migrations (kiosk.store.db reads them through importlib.resources), and `kiosk --version`
# reads the version from the package metadata.
datas = collect_data_files("kiosk", includes=["**/*.sql", "py.typed"]) + copy_metadata("kiosk")
