#!/bin/sh
# deps.sh — install the Debian packages vigie needs, only those missing (idempotent).
# Called by `make demo` and `make check`; safe to run again: it does nothing when all are there.
# Why each package is here: docs/DEPENDENCIES.md.
set -eu

PKGS="
gcc
make
pkg-config
clang
libclang-rt-14-dev
g++
libutf8proc-dev
libcld2-dev
libsqlite3-dev
libxml2-dev
zlib1g-dev
verbiste
wordnet-base
iso-codes
python3
time
"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "deps.sh: installing:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "deps.sh: need root (or sudo) to install:$missing" >&2; exit 3
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
