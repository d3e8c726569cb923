#!/usr/bin/env bash
# Times one Parquet join three times in a process, with clusterql's malloc
# thresholds and with glibc's defaults. Usage: bench/allocator.sh [SCALE] [RUNS]
source "$(dirname "$0")/release.sh"
scale="${1:-80}"
runs="${2:-7}"
data="$(generated_data "$scale")"
python3 bench/allocator.py --clusterql "$binary" --data "$data" --runs "$runs"
