"""Shows what clusterql's malloc thresholds (src/allocator.rs) change: the
same Parquet query run with them and with glibc's defaults, in turns;
prints median wall, user and system time, minor page faults and peak RSS."""

import argparse
import os
import statistics
import subprocess
import time

# Any malloc tunable makes clusterql leave glibc's settings alone; this one
# restates glibc's own default, so the run gets glibc's behaviour.
GLIBC_DEFAULTS = {"GLIBC_TUNABLES": "glibc.malloc.arena_test=8"}


def run_once(command, env):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env={**os.environ, **env})
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_utime, usage.ru_stime, usage.ru_minflt, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clusterql", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    d = os.path.abspath(args.data)
    sql = (
        f"select e.cluster_id, count(*) filter (where e.is_sme), count(h.tier) "
        f"from read_parquet('{d}/enterprises.parquet') e "
        f"left join read_parquet('{d}/enterprise_honors.parquet') h using (enterprise_id) "
        f"group by e.cluster_id"
    )
    command = [args.clusterql, "--empty", "--format", "csv", "-c", sql, "-c", sql, "-c", sql]
    settings = {"clusterql's thresholds": {}, "glibc's defaults": GLIBC_DEFAULTS}
    samples = {name: [] for name in settings}
    for run in range(args.runs):
        order = list(settings.items())
        for name, env in order[run % 2:] + order[:run % 2]:
            samples[name].append(run_once(command, env))
    print(f"{'malloc settings':24} {'wall s':>7} {'user s':>7} {'sys s':>7} {'faults':>8} {'peak MiB':>9}")
    for name, rows in samples.items():
        wall, user, system, faults = (statistics.median(column) for column in list(zip(*rows))[:4])
        peak = max(row[4] for row in rows)
        print(f"{name:24} {wall:7.3f} {user:7.3f} {system:7.3f} {faults:8.0f} {peak:9.0f}")


if __name__ == "__main__":
    main()
