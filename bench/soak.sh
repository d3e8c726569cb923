#!/usr/bin/env bash
# Soak test: many clusterql processes at once run saved query files against
# one read-only database for a bounded time, and every result is compared
# with the one a single quiet run gave first. Not part of `cargo test`.
#   bash bench/soak.sh [SECONDS] [PROCESSES]      (defaults 60 and 8)
# Exit 0 when every run succeeded with the expected result, 1 otherwise.
source "$(dirname "$0")/release.sh"
seconds="${1:-60}"
processes="${2:-8}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/soak.duckdb"
"$binary" --db "$db" -q -c "select 1" >/dev/null

# The query files: the examples, every view of the library, and a join
# heavy enough to overlap with the others. (Integer sums only: a parallel
# sum of doubles may differ in its last digit from run to run.)
mkdir -p "$work/queries" "$work/expected"
cp examples/*.sql "$work/queries/"
"$binary" views --format csv | tail -n +2 | cut -d, -f1,2 | grep ',view$' | cut -d, -f1 |
    while read -r view; do
        echo "select * from $view order by all;" > "$work/queries/view_$view.sql"
    done
cat > "$work/queries/roster_join.sql" <<'SQL'
select c.province, count(*) as smes, sum(e.employees) as employees
from enterprises e join clusters c using (cluster_id)
group by all order by all;
SQL
queries=("$work"/queries/*.sql)
for query in "${queries[@]}"; do
    name="$(basename "$query" .sql)"
    "$binary" --readonly --format csv "$db" -f "$query" > "$work/expected/$name.csv"
done
echo "soak: ${#queries[@]} query files, $processes processes, $seconds s" >&2

worker() {
    local id="$1" deadline="$2" n=0 log="$work/worker-$1.log"
    : > "$log"
    while [ "$(date +%s)" -lt "$deadline" ]; do
        local query="${queries[$(( (id + n) % ${#queries[@]} ))]}"
        local name out start end code
        name="$(basename "$query" .sql)"
        out="$work/out-$id.csv"
        start=$(date +%s%N)
        code=0
        "$binary" --readonly --format csv "$db" -f "$query" > "$out" 2> "$work/err-$id.txt" || code=$?
        end=$(date +%s%N)
        if [ "$code" -ne 0 ]; then
            echo "fail $name exit $code: $(head -c 300 "$work/err-$id.txt")" >> "$log"
        elif ! cmp -s "$out" "$work/expected/$name.csv"; then
            echo "mismatch $name" >> "$log"
        else
            echo "ok $name $(( (end - start) / 1000000 ))" >> "$log"
        fi
        n=$((n + 1))
    done
}

deadline=$(( $(date +%s) + seconds ))
for id in $(seq 1 "$processes"); do
    worker "$id" "$deadline" &
done
wait

cat "$work"/worker-*.log > "$work/all.log"
runs=$(wc -l < "$work/all.log")
bad=$(grep -cv '^ok ' "$work/all.log" || true)
grep -v '^ok ' "$work/all.log" | head -10 | sed 's/^/  /' >&2 || true
awk '$1 == "ok" { print $3 }' "$work/all.log" | sort -n > "$work/latency.txt"
ok=$(wc -l < "$work/latency.txt")
echo "soak: $runs runs in $seconds s ($(awk -v r="$runs" -v s="$seconds" 'BEGIN { printf "%.1f", r / s }') a second), $bad failed or wrong" >&2
if [ "$ok" -gt 0 ]; then
    at() { sed -n "$(awk -v n="$ok" -v q="$1" 'BEGIN { i = int(n * q) + 1; if (i > n) i = n; print i }')p" "$work/latency.txt"; }
    echo "soak: latency ms: median $(at 0.5), p95 $(at 0.95), max $(tail -1 "$work/latency.txt")" >&2
fi
[ "$bad" -eq 0 ] && [ "$ok" -gt 0 ]
