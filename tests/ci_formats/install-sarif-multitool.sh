#!/bin/sh
# Installs Microsoft's SARIF multitool (the npm package, which ships a
# self-contained .NET build) into DIR, only when it is not there yet.
# Usage: install-sarif-multitool.sh DIR
set -eu
dir=$1
tool="$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
[ -x "$tool" ] && exit 0
command -v npm >/dev/null 2>&1 || {
    echo "install-sarif-multitool: npm is missing (scripts/deps installs it)" >&2
    exit 1
}
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    @microsoft/sarif-multitool@5.7.0 >&2
# The package's postinstall (chmod u+x) may not run under npm's script policy.
chmod u+x "$tool"
