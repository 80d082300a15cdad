#!/usr/bin/env python3
"""Writes a content folder with one very large budget table, to measure what a table costs in memory.

    bench/table.py <folder> [megabytes]

The table is as a careless export could make it (the size of a 31 MB file by default): eight-digit revenue and
functional codes with Russian labels and three amount columns, no subtotals. The municipality and its figures are
invented; it is not a real budget. bench/run.sh builds the folder with and without the table and prints what the
table adds to the peak memory, as a multiple of its size.
"""
import os
import sys


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 31
    town = os.path.join(folder, "Content", "budgets", "sample-town")
    os.makedirs(town, exist_ok=True)
    with open(os.path.join(folder, "Content", "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: Large table\nbase_url: https://example.org/\nlanguages: [ky, ru, en]\n")
    with open(os.path.join(town, "municipality.yaml"), "w", encoding="utf-8") as f:
        f.write("id: sample-town\nname: Sample town (invented)\nsample: true\npopulation:\n  2025: 12000\n")
    limit = int(megabytes * (1 << 20))
    written = 0
    index = 0
    with open(os.path.join(town, "2025.csv"), "w", encoding="utf-8", newline="\n") as f:
        header = "code,name,approved,revised,executed\n"
        f.write(header)
        written += len(header.encode())
        while True:
            # Alternately a revenue line and a spending line under one of the ten functions.
            if index % 2 == 0:
                code, name = f"1{index // 2:07d}", f"Доход {index // 2}"
            else:
                code, name = f"{701 + index // 2 % 10}{index // 2:06d}", f"Расход {index // 2}"
            approved = 1000 + index * 7 % 900000
            line = f"{code},{name},{approved}.50,{approved},{approved - index % 500}\n"
            size = len(line.encode())
            if written + size > limit:
                break
            f.write(line)
            written += size
            index += 1
    print(f"{index} lines, {written / (1 << 20):.1f} MB")


if __name__ == "__main__":
    main()
