#!/bin/sh
# Validates relmap's CI formats with outside tools, on every report
# golden case (testdata/report/*/input.sql):
#   sarif  Microsoft's SARIF multitool: no error, no warning
#   junit  xmllint: well-formed, and valid against junit.xsd beside this script
# Usage: validate.sh sarif|junit RELMAP TESTDATA [MULTITOOL_DIR]
set -eu
format=$1
relmap=$2
testdata=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for input in "$testdata"/report/*/input.sql; do
    case_name=$(basename "$(dirname "$input")")
    out="$work/$case_name.$format"
    # Run in the case folder so that the file is named as a user names it.
    rc=0
    (cd "$(dirname "$input")" && "$relmap" check --format "$format" --fail-on never \
        input.sql) >"$out" || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "FAIL $case_name: relmap exited $rc" >&2
        status=1
        continue
    fi
    case "$format" in
    sarif)
        tool="$4/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
        log="$work/$case_name.log"
        # The .NET runtime needs ICU unless told to do without it.
        if ! DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$tool" validate "$out" >"$log" 2>&1 ||
            grep -E ': (error|warning) [A-Z]+[0-9]+' "$log" >/dev/null; then
            echo "FAIL $case_name: the SARIF multitool reports:" >&2
            cat "$log" >&2
            status=1
        else
            echo "ok   $case_name: SARIF valid, no warnings"
        fi
        ;;
    junit)
        if xmllint --noout --schema "$here/junit.xsd" "$out" 2>"$work/xmllint.log"; then
            echo "ok   $case_name: JUnit XML valid"
        else
            echo "FAIL $case_name:" >&2
            cat "$work/xmllint.log" >&2
            status=1
        fi
        ;;
    *)
        echo "validate.sh: unknown format $format" >&2
        exit 2
        ;;
    esac
done
exit $status
