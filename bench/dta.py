"""The Python side of bench/dta.sh: reads the rows from a csv file (not
timed), then writes them with pandas' DataFrame.to_stata in Stata's format
118 and prints the seconds the writing took."""
import sys
import time

import pandas as pd


def main():
    source, target = sys.argv[1], sys.argv[2]
    frame = pd.read_csv(source, dtype={"cluster_id": str, "name": str,
                                       "size_class": str, "note": str})
    frame["is_sme"] = frame["is_sme"].astype(bool)
    start = time.perf_counter()
    frame.to_stata(target, version=118, write_index=False)
    print("%.3f" % (time.perf_counter() - start))


if __name__ == "__main__":
    main()
