#!/bin/sh
# scripts/setup.sh: sets dyad up on Debian/Ubuntu: installs the packages it
# needs when they are missing, builds build/dyad and codes the example article.
#
#   scripts/setup.sh              packages, build, example
#   scripts/setup.sh --deps-only  only install the missing packages
#   scripts/setup.sh --check      exit 0 if every package is installed, 1 if not
#
# apt-get runs through sudo when the script is not run as root.
set -eu
cd "$(dirname "$0")/.."

PACKAGES="build-essential pkg-config clang libxml2-dev libjansson-dev libcmocka-dev libutf8proc-dev liblink-grammar-dev link-grammar-dictionaries-en libsqlite3-dev libpq-dev postgresql python3 zlib1g-dev python3-distributed"

usage() {
    cat <<'EOF'
usage: scripts/setup.sh [--deps-only | --check]
  (no option)   install the missing Debian packages, build build/dyad, code
                data/examples/article.txt (a raw news article written for dyad)
                with dyad's own dictionaries and print the events
  --deps-only   only install the missing packages
  --check       exit 0 if every package is installed, 1 if not
EOF
}

mode=all
case "${1:-}" in
"") ;;
--deps-only) mode=deps ;;
--check) mode=check ;;
-h | --help) usage; exit 0 ;;
*) echo "setup: unknown option '$1'" >&2; usage >&2; exit 2 ;;
esac

# Packages of $PACKAGES that are not installed.
missing_packages() {
    for p in $PACKAGES; do
        dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || printf '%s ' "$p"
    done
}

install_packages() {
    if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: not a Debian system (no dpkg/apt-get); install by hand: $PACKAGES" >&2
        return 0
    fi
    missing=$(missing_packages)
    if [ -z "$missing" ]; then
        echo "setup: all packages installed ($PACKAGES)"
        return 0
    fi
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 ||
            { echo "setup: not root and no sudo; install as root: $missing" >&2; exit 1; }
        sudo=sudo
    fi
    echo "setup: installing $missing"
    $sudo apt-get update
    # shellcheck disable=SC2086 # $missing is a list of package names
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
}

case "$mode" in
check)
    command -v dpkg >/dev/null 2>&1 || exit 0
    missing=$(missing_packages)
    [ -z "$missing" ] || { echo "setup: missing packages: $missing"; exit 1; }
    exit 0
    ;;
deps)
    install_packages
    exit 0
    ;;
esac

install_packages
echo "setup: building build/dyad"
make
echo "setup: coding data/examples/article.txt with dyad's dictionaries (one JSON object per event):"
out=$(build/dyad code data/examples/article.txt)
printf '%s\n' "$out"
n=$(printf '%s\n' "$out" | grep -c '"type":"event"' || true)
echo "setup: $n events from data/examples/article.txt; run 'make test' to test"
