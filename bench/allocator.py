"""Shows what clusterql's malloc thresholds (src/allocator.rs) change: the
same Parquet query run with them and with glibc's defaults, in turns;
prints median wall, user and system time, minor page faults and peak RSS;
then the resident memory of an idle shell after that query."""

import argparse
import os
import pty
import re
import select
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


def idle_shell_rss(clusterql, sql, env):
    """Resident KiB of a shell at its prompt after running `sql`."""
    pid, terminal = pty.fork()
    if pid == 0:
        os.execve(clusterql, [clusterql, "--empty"], {**os.environ, **env})

    def read_for(seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if select.select([terminal], [], [], 0.1)[0]:
                try:
                    os.read(terminal, 65536)
                except OSError:
                    return

    read_for(2)
    os.write(terminal, f"{sql};\n".encode())
    read_for(5)
    with open(f"/proc/{pid}/status") as status:
        resident = int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))
    os.write(terminal, b".quit\n")
    os.waitpid(pid, 0)
    return resident


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
    print()
    # Worker threads may still be freeing when the shell trims its heap,
    # so the idle size varies from run to run: three runs each.
    print(f"{'idle shell after it':24} {'RSS MiB, 3 runs':>16}")
    for name, env in settings.items():
        sizes = [f"{idle_shell_rss(args.clusterql, sql, env) / 1024:.0f}" for _ in range(3)]
        print(f"{name:24} {' '.join(sizes):>16}")


if __name__ == "__main__":
    main()
