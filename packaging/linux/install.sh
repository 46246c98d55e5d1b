#!/bin/sh
# Install this DNR Workstation bundle for every user of the machine (run as root):
#     sudo ./install.sh [PREFIX]        PREFIX defaults to /opt/dnr-workstation
# Copies the bundle to PREFIX, links /usr/local/bin/dnr-workstation to it, and installs the
# desktop entry and icons. Running it again from a newer bundle upgrades in place; the desks'
# data, settings and logs live in each user's home folder and are not touched.
# Uninstall: sudo ./install.sh --uninstall [PREFIX]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--uninstall" ]; then
    PREFIX=${2:-/opt/dnr-workstation}
    rm -f /usr/local/bin/dnr-workstation /usr/share/applications/dnr-workstation.desktop
    find /usr/share/icons/hicolor -name 'dnr-workstation.*' -delete
    rm -rf "$PREFIX"
    command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
    echo "DNR Workstation removed from $PREFIX (user data in ~/.local/share/dnr-workstation kept)"
    exit 0
fi
PREFIX=${1:-/opt/dnr-workstation}
if [ "$(id -u)" -ne 0 ]; then
    echo "run as root: sudo $0 $*" >&2
    exit 1
fi
if [ "$HERE" != "$PREFIX" ]; then
    rm -rf "$PREFIX.new"
    mkdir -p "$(dirname "$PREFIX")"
    cp -a "$HERE" "$PREFIX.new"
    rm -rf "$PREFIX"
    mv "$PREFIX.new" "$PREFIX"
fi
ln -sf "$PREFIX/dnr-workstation" /usr/local/bin/dnr-workstation
install -D -m 644 "$PREFIX/share/applications/dnr-workstation.desktop" \
    /usr/share/applications/dnr-workstation.desktop
(cd "$PREFIX/share/icons" && find hicolor -type f) | while read -r icon; do
    install -D -m 644 "$PREFIX/share/icons/$icon" "/usr/share/icons/$icon"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
echo "DNR Workstation installed in $PREFIX; start it from the menu or with: dnr-workstation"
