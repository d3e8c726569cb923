"""Times the same work through clusterql, the DuckDB CLI and the DuckDB
Python package; prints medians, peak memory and ratios to DuckDB's CLI."""

import argparse
import os
import statistics
import subprocess
import time


def run_once(command):
    """Wall time (s) and peak RSS (MiB) of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def measure(commands, runs):
    """Median wall time and largest peak RSS of each command. The commands
    take turns, each run in another order, so that a slow spell of the
    machine falls on all of them alike."""
    times = [[] for _ in commands]
    peaks = [[] for _ in commands]
    for run in range(runs):
        shift = run % len(commands)
        for index in list(range(len(commands)))[shift:] + list(range(len(commands)))[:shift]:
            elapsed, peak = run_once(commands[index])
            times[index].append(elapsed)
            peaks[index].append(peak)
    return [(statistics.median(t), max(p)) for t, p in zip(times, peaks)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clusterql", required=True)
    parser.add_argument("--duckdb", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    d = os.path.abspath(args.data)
    roster = f"read_parquet('{d}/enterprises.parquet')"
    honors = f"read_parquet('{d}/enterprise_honors.parquet')"
    reports = f"read_csv('{d}/cluster_reports.csv')"
    clusters = f"read_csv('{d}/clusters.csv')"
    queries = {
        "start-up: count(*) of the roster": f"select count(*) from {roster}",
        "tiers per cluster (cluster_tiers)": (
            f"select e.cluster_id, count(*) filter (where e.is_sme) as smes, count(h.tier) as quality "
            f"from {roster} e left join {honors} h using (enterprise_id) group by e.cluster_id order by 1"
        ),
        "quality pyramid by province": (
            f"select c.province, h.tier, count(*) from {honors} h join {roster} e using (enterprise_id) "
            f"join {clusters} c using (cluster_id) group by all order by all"
        ),
        "size classes and revenue (summary)": (
            f"select size_class, above_scale, count(*), sum(revenue_mn_cny), avg(employees) "
            f"from {roster} group by all order by all"
        ),
        "output by province 2022 (reports)": (
            f"select c.province, sum(r.total_output_bn_cny) from {reports} r join {clusters} c using (cluster_id) "
            f"where r.report_year = 2022 group by all order by 2 desc"
        ),
    }
    export = "select * from range(10000000) t(i), (select 'text ' || 42 as s, 3.25::double as x)"
    version = "select library_version from pragma_version()"
    # Each tool prints its engine's version last on its output.
    engines = {
        "clusterql": [args.clusterql, "--empty", "--format", "csv", "-c", version],
        "duckdb cli": [args.duckdb, "-noheader", "-csv", "-c", version],
        "python": [args.python, "-c", f"import duckdb; print(duckdb.sql({version!r}).fetchall()[0][0])"],
    }
    versions = {tool: subprocess.check_output(command).decode().split()[-1] for tool, command in engines.items()}
    print("engines: " + ", ".join(f"{tool} {v}" for tool, v in versions.items()))
    rows = []
    for name, sql in queries.items():
        ours, cli, py = measure([
            [args.clusterql, "--format", "csv", "-c", sql],
            [args.duckdb, "-csv", "-c", sql],
            [args.python, "-c", f"import duckdb; duckdb.sql({sql!r}).fetchall()"],
        ], args.runs)
        rows.append((name, ours, cli, py))
    ours, cli, copy = measure([
        [args.clusterql, "--format", "csv", "-c", export],
        [args.duckdb, "-csv", "-c", export],
        [args.duckdb, "-c", f"copy ({export}) to '/dev/stdout' (format csv)"],
    ], max(1, args.runs // 2))
    rows.append(("CSV export, 10 million rows", ours, cli, copy))

    print(f"{'work':40} {'clusterql s':>12} {'duckdb cli s':>13} {'reference s':>12} {'ratio':>7} "
          f"{'ours MiB':>9} {'cli MiB':>8} {'mem ratio':>9}")
    for name, (t_ours, m_ours), (t_cli, m_cli), (t_ref, _) in rows:
        print(f"{name:40} {t_ours:12.3f} {t_cli:13.3f} {t_ref:12.3f} {t_ours / t_cli:7.2f} "
              f"{m_ours:9.0f} {m_cli:8.0f} {m_ours / m_cli:9.2f}")
    print("reference: the DuckDB Python package (same engine), or DuckDB's COPY to stdout for the export.")

    # PyPI's DuckDB CLI may be an older engine than clusterql's; the ratio
    # above then mixes two engines. Here both sides run the same engine:
    # each query K times in one process, less that process's start-up. The
    # start-up row is left out: less start-up, it measures nothing.
    k = 5
    print()
    print(f"{'same engine, per query':40} {'clusterql s':>12} {'python s':>13} {'ratio':>7}")
    for name, sql in list(queries.items())[1:]:
        repeated = [arg for _ in range(k) for arg in ("-c", sql)]
        loop = f"import duckdb; c = duckdb.connect(); [c.sql({sql!r}).fetchall() for _ in range({k})]"
        idle = "import duckdb; c = duckdb.connect(); c.sql('select 1').fetchall()"
        (ours_k, _), (ours_0, _), (py_k, _), (py_0, _) = measure([
            [args.clusterql, "--format", "csv", *repeated],
            [args.clusterql, "--format", "csv", "-c", "select 1"],
            [args.python, "-c", loop],
            [args.python, "-c", idle],
        ], args.runs)
        ours, py = (ours_k - ours_0) / k, (py_k - py_0) / k
        print(f"{name:40} {ours:12.3f} {py:13.3f} {ours / py:7.2f}")


if __name__ == "__main__":
    main()
