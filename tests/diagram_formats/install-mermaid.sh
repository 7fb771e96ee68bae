#!/bin/sh
# Installs Mermaid's own parser (npm mermaid, with jsdom for the document it
# expects) into DIR, only when it is not there yet. Usage: install-mermaid.sh DIR
set -eu
dir=$1
[ -f "$dir/node_modules/mermaid/package.json" ] && [ -f "$dir/node_modules/jsdom/package.json" ] &&
    exit 0
command -v npm >/dev/null 2>&1 || {
    echo "install-mermaid: npm is missing (scripts/deps installs it)" >&2
    exit 1
}
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error mermaid@10 jsdom@22 >&2
