#!/bin/sh
# Run by tests/run-all: the house rules of STYLE.md on the sources.
exec python3 "$(dirname "$0")/check_source.py" "$@"
