#!/bin/sh
# Installs the DBML project's own parser (npm @dbml/core) into DIR, only
# when it is not there yet. Usage: install-dbml.sh DIR
set -eu
dir=$1
[ -f "$dir/node_modules/@dbml/core/package.json" ] && exit 0
command -v npm >/dev/null 2>&1 || {
    echo "install-dbml: npm is missing (scripts/deps installs it)" >&2
    exit 1
}
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error @dbml/core@3 >&2
