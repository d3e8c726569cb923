#!/usr/bin/env bash
# Research data as it comes, in one run: a GB18030 CSV load against the
# same rows in UTF-8 (bench/encoding.sh), then an xlsx load and an xlsx
# export of ROWS rows x 10 columns against python-calamine and xlsxwriter
# (bench/xlsx.sh); medians, ratios and peak memory of each.
#   bash bench/data_formats.sh [SCALE] [ROWS] [RUNS]      (defaults 40, 1000000 and 3)
set -euo pipefail
here="$(dirname "$0")"
scale="${1:-40}"
rows="${2:-1000000}"
runs="${3:-3}"
bash "$here/encoding.sh" "$scale" "$runs"
bash "$here/xlsx.sh" "$rows" "$runs"
