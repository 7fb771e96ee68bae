#!/bin/sh
# Validates relmap's text diagrams with each format's own parser: DBML
# with @dbml/core, Mermaid with mermaid.parse(). On the diagram cases
# (testdata/diagram/*/schema.sql, hostile names among them), the demo
# schema as models, and model packages with junctions collapsed.
# Usage: validate.sh dbml|mermaid RELMAP TESTDATA NODE_DIR
set -eu
format=$1
relmap=$2
testdata=$3
node_dir=$4
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=0
draw() { # name, then relmap diagram arguments
    name=$1
    shift
    n=$((n + 1))
    "$relmap" diagram "$@" --format "$ext" -o "$work/$name.$ext"
}
case "$format" in
dbml) ext=dbml ;;
mermaid) ext=mmd ;;
*)
    echo "validate.sh: unknown format $format" >&2
    exit 2
    ;;
esac
for schema in "$testdata"/diagram/*/schema.sql; do
    draw "$(basename "$(dirname "$schema")")" --input-kind sql "$schema"
done
draw demo-models "$testdata/demo/models"
draw demo-models-collapsed "$testdata/demo/models" --collapse-junctions
draw mm-shop-collapsed "$testdata/models/mm_shop" --collapse-junctions
draw m2m-self "$testdata/models/rel_m2m_self_ref" --collapse-junctions
if [ "$format" = dbml ]; then
    NODE_PATH="$node_dir/node_modules" node "$here/dbml_check.js" "$work"/*.dbml
else
    # ES modules resolve packages from the script's folder upward, not
    # NODE_PATH: run a copy of the checker inside the install folder.
    cp "$here/mermaid_check.mjs" "$node_dir/mermaid_check.mjs"
    node "$node_dir/mermaid_check.mjs" "$work"/*.mmd
fi
