"""What a volunteer downloads, from the bundle `make dist` built (dist/kiosk): on Linux
dist/kiosk-VERSION-linux-ARCH.tar.gz, the folder plus its applications-menu entry (kiosk.desktop, an
icon, install-menu-entry.sh); on Windows and macOS a .zip of the folder (of kiosk.app on macOS).

    python bundle/archive.py [BUNDLE_DIR]
"""

from __future__ import annotations

import platform
import shutil
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_SIZE = 256  # the hicolor theme folder install-menu-entry.sh copies it into


def version(bundle: Path) -> str:
    found = sorted((bundle / "_internal").glob("kiosk-*.dist-info"))
    return found[0].name.removeprefix("kiosk-").removesuffix(".dist-info") if found else "0"


def add_menu_entry(bundle: Path) -> None:
    from PIL import Image

    shutil.copy2(ROOT / "bundle" / "linux" / "kiosk.desktop", bundle / "kiosk.desktop")
    shutil.copy2(ROOT / "bundle" / "linux" / "install-menu-entry.sh", bundle / "install-menu-entry.sh")
    (bundle / "install-menu-entry.sh").chmod(0o755)
    with Image.open(ROOT / "resources" / "branding" / "logo.png") as logo:
        logo.convert("RGBA").resize((ICON_SIZE, ICON_SIZE), Image.Resampling.LANCZOS).save(bundle / "kiosk-checkin.png")


def _no_owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""  # the build machine's user names stay out of the download
    return info


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "kiosk"
    if not bundle.is_dir():
        print(f"archive: no bundle at {bundle} (make dist builds it)", file=sys.stderr)
        return 1
    machine = platform.machine().lower().replace("amd64", "x86_64")
    name = f"kiosk-{version(bundle)}-{sys.platform.replace('win32', 'windows').replace('darwin', 'macos')}-{machine}"
    if sys.platform.startswith("linux"):
        add_menu_entry(bundle)
        target = bundle.parent / f"{name}.tar.gz"
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(bundle, arcname="kiosk", filter=_no_owner)
    else:
        app = bundle.parent / "kiosk.app"
        top = app if app.is_dir() else bundle
        target = Path(shutil.make_archive(str(bundle.parent / name), "zip", top.parent, top.name))
    print(f"{target} ({target.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
