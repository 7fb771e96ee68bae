#!/bin/sh
# Validates relmap's DBML with the DBML parser itself (@dbml/core), on the
# diagram cases (testdata/diagram/*/schema.sql, hostile names among them),
# the demo schema as a database and as models, and a models package with
# its junction collapsed into `<>` refs.
# Usage: validate-dbml.sh RELMAP TESTDATA DBML_DIR
set -eu
relmap=$1
testdata=$2
dbml_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=0
draw() { # name, then relmap diagram arguments
    name=$1
    shift
    n=$((n + 1))
    "$relmap" diagram "$@" --format dbml -o "$work/$name.dbml"
}
for schema in "$testdata"/diagram/*/schema.sql; do
    draw "$(basename "$(dirname "$schema")")" --input-kind sql "$schema"
done
draw demo-models "$testdata/demo/models"
draw demo-models-collapsed "$testdata/demo/models" --collapse-junctions
draw mm-shop-collapsed "$testdata/models/mm_shop" --collapse-junctions
draw m2m-self "$testdata/models/rel_m2m_self_ref" --collapse-junctions
NODE_PATH="$dbml_dir/node_modules" node "$here/dbml_check.js" "$work"/*.dbml
