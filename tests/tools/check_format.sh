#!/bin/sh
# STYLE.md §3: .clang-format decides the layout of the C sources; a file
# that clang-format would change fails. Fix with:
#   clang-format -i $(git ls-files '*.c' '*.h')
cd "$(dirname "$0")/../.." || exit 1
if ! command -v clang-format >/dev/null 2>&1; then
    echo "FAIL clang-format: not installed (make deps installs it)"
    exit 1
fi
files=$(git ls-files 'src/*.c' 'src/*.h' 'tests/unit/*.c' 'tests/unit/*.h' \
    'tests/fuzz/*.c' 2>/dev/null)
bad=$(for f in $files; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || echo "$f"
done)
if [ -n "$bad" ]; then
    echo "FAIL clang-format: $(echo $bad | tr '\n' ' ')"
    exit 1
fi
echo "ok clang-format ($(echo "$files" | wc -l) files)"
