#!/usr/bin/env bash
# The pool figures of docs/benchmarks.md: publishes the Release binary (ReadyToRun), then runs `vwe batch`
# over the same seeds with a warm process pool, with in-process engines of the same parallelism, and cold
# (a fresh engine process per world), at 256² (96 m) and 2048² (12 m). Each summary gives per-world latency
# (p50, p95), the pool's overhead per world and worlds/min. Usage: bench/pool.sh [worlds-256] [worlds-2048]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-40}
large=${2:-12}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Vwe.Cli -c Release -o "$work/bin" >/dev/null
vwe="$work/bin/vwe"

run() { # name, seeds file, grid arguments, batch arguments
    echo "== $1"
    "$vwe" batch "$2" --out "$work/out" --format bin $3 $4 2>/dev/null
    rm -rf "$work/out"
}

for grid in "256 96 $small" "2048 12 $large"; do
    set -- $grid
    seq 1 "$3" | sed 's/^/bench-/' >"$work/seeds-$1.txt"
    args="--size $1 --pixel-size $2"
    run "$3 worlds at $1² ($2 m): warm process pool, 3 engines" "$work/seeds-$1.txt" "$args" "--engine process --engines 3"
    run "$3 worlds at $1² ($2 m): in-process engines, same parallelism" "$work/seeds-$1.txt" "$args" "--engine inprocess --engines 3"
    run "$3 worlds at $1² ($2 m): cold, a fresh engine process per world" "$work/seeds-$1.txt" "$args" "--engine process --engines 3 --cold"
done
