#!/bin/sh
# Puts kiosk in the applications menu (this user only; nothing needs root):
#   ~/.local/share/applications/kiosk-checkin.desktop  -> this folder's kiosk program
#   ~/.local/share/icons/hicolor/256x256/apps/kiosk-checkin.png
# Run it again after moving this folder. To remove: ./install-menu-entry.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/kiosk-checkin.desktop"
icon="$data/icons/hicolor/256x256/apps/kiosk-checkin.png"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" "$icon"
  echo "kiosk : entrée de menu retirée / menu entry removed"
  exit 0
fi
mkdir -p "$data/applications" "$(dirname "$icon")"
cp "$here/kiosk-checkin.png" "$icon"
# Exec: this folder's real path, quoted and escaped as the desktop-entry spec says (a path may hold
# spaces, quotes, $ or backslashes): \ " ` $ get a backslash, then backslashes double again.
exec_path=$(printf '%s' "$here/kiosk" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g')
{ grep -v '^Exec=' "$here/kiosk.desktop"; printf 'Exec="%s"\n' "$exec_path"; } > "$entry.tmp"
mv "$entry.tmp" "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "kiosk : ajouté au menu des applications / added to the applications menu ($entry)"
