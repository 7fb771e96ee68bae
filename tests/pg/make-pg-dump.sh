#!/bin/sh
# Regenerates testdata/ddl/postgres/pg_dump_shop/input.sql: loads
# tests/pg/shop.sql into a throw-away server (scripts/pg-server) and dumps
# it with that server's own pg_dump, plain format, as pg_dump writes it.
# The \restrict key is fixed so that a regeneration without changes gives
# the same file. Usage: tests/pg/make-pg-dump.sh   (from anywhere)
set -eu
cd "$(dirname "$0")/../.."

dir=$(mktemp -d /tmp/relmap-pgdump-XXXXXX)
rmdir "$dir" # pg-server makes it and marks it as its own
trap 'scripts/pg-server stop "$dir"' EXIT INT TERM
scripts/pg-server start "$dir" >/dev/null
bindir=$(cat "$dir/bindir")

"$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres -d postgres \
    -c 'CREATE DATABASE shop TEMPLATE template0'
"$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres -d shop -f tests/pg/shop.sql

out=testdata/ddl/postgres/pg_dump_shop/input.sql
mkdir -p "$(dirname "$out")"
restrict=""
# pg_dump writes \restrict lines since 17.6/16.10/15.14/14.19/13.22; a fixed
# key keeps the file stable where the option exists.
if "$bindir/pg_dump" --help | grep -q -- --restrict-key; then
    restrict="--restrict-key=relmapShopDumpFixture0123456789abcdefghijklmnopqrstuvwxyzABCDEF"
fi
{
    echo "-- Covers: a realistic multi-schema pg_dump (auth + shop + public, 25 tables, data in COPY blocks), written by tests/pg/make-pg-dump.sh from tests/pg/shop.sql."
    # shellcheck disable=SC2086 # empty or one word
    "$bindir/pg_dump" -h "$dir" -U postgres --format=plain $restrict shop
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(wc -l <"$out") lines) with $("$bindir/pg_dump" --version)" >&2
