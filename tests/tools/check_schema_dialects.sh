#!/bin/sh
# Run by tests/run-all: both dialects of the schema define the same tables
# and columns, and every PostgreSQL migration applies (issue 14).
exec python3 "$(dirname "$0")/check_schema_dialects.py" "$@"
