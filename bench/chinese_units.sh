#!/usr/bin/env bash
# A roster as a Chinese source writes it, against the same rows in the
# schema's own form, loaded by the same binary in the same run: headers are
# the dictionary's Chinese titles, revenue is in 万元 (营业收入（万元）, so every
# value is converted), the three yes/no columns read 是/否 and an empty
# left year is written —. The issue's bound is 1.3 times the schema form.
#   bash bench/chinese_units.sh [SCALE] [RUNS]      (defaults 80 and 3)
# Prints the median seconds of each and their ratio.
source "$(dirname "$0")/release.sh"
scale="${1:-80}"
runs="${2:-3}"

data="$(generated_data "$scale")"
roster_csv "$data"
plain="$data/enterprises.csv"
chinese="$data/enterprises_zh.csv"
if [ ! -f "$chinese" ]; then
    yes_no() { echo "CASE WHEN $1 THEN '是' ELSE '否' END AS $2"; }
    "$binary" --empty -c "copy (select enterprise_id as 企业编号, cluster_id as 集群编号,
        name as 企业名称, size_class as 企业规模, $(yes_no is_sme 是否中小企业),
        $(yes_no above_scale 是否规模以上), $(yes_no in_leading_industry 是否属于主导产业),
        founded_year as 成立年份, employees as 从业人员数,
        round(revenue_mn_cny * 100, 2) as \"营业收入（万元）\", joined_year as 纳入年份,
        coalesce(left_year::varchar, '—') as 退出年份
        from read_csv('$plain', all_varchar = false, types = {'enterprise_id': 'VARCHAR'})) to '$chinese'"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rows=$("$binary" --empty --format csv -c "select count(*) from '$plain'" | tail -1)
plain_times=() chinese_times=()
for _ in $(seq "$runs"); do
    rm -f "$work"/*.duckdb*
    # A database with this scale's clusters, which the roster refers to.
    "$binary" --empty "$work/plain.duckdb" -q load "$data/clusters.csv" --table clusters
    cp "$work/plain.duckdb" "$work/chinese.duckdb"
    plain_times+=("$(seconds "$binary" --empty "$work/plain.duckdb" -q load "$plain" --table enterprises)")
    chinese_times+=("$(seconds "$binary" --empty "$work/chinese.duckdb" -q load "$chinese" --table enterprises)")
    for db in plain chinese; do
        loaded=$("$binary" --readonly --format csv "$work/$db.duckdb" -c "select count(*) from enterprises" | tail -1)
        [ "$loaded" = "$rows" ] || { echo "$db: load wrote $loaded rows of $rows" >&2; exit 1; }
    done
done
plain=$(printf '%s\n' "${plain_times[@]}" | median)
chinese=$(printf '%s\n' "${chinese_times[@]}" | median)
awk -v r="$rows" -v p="$plain" -v c="$chinese" \
    'BEGIN { printf "%9d rows  schema form %5.2f s  Chinese form (万元, 是/否, —) %5.2f s  ratio %.2f\n", r, p, c, c / p }'
