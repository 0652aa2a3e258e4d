#!/usr/bin/env bash
# The container figures of docs/benchmarks.md: docker engines beside process engines, same binary, same seeds.
# Publishes the Release binary (ReadyToRun) and builds the vwe-engine image from this checkout (unless --no-build),
# then runs `vwe batch` on the daemon at DOCKER_HOST (.ci/start-dockerd.sh DIR prints one):
#   cold start: one world on a fresh pool, N times per kind: pool ready (pool start until every engine said
#               hello), first result (pool start until the world's files are in place) and the whole command
#               (process start to exit, the containers' removal included);
#   warm:       the same seeds as bench/pool.sh through a warm pool of 3 engines, and cold (an engine per world).
# Usage: bench/containers.sh [--no-build] [cold-start runs] [worlds-256] [worlds-2048]
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
if [ "${1:-}" = "--no-build" ]; then
    build=0
    shift
fi
runs=${1:-5}
small=${2:-40}
large=${3:-12}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Vwe.Cli -c Release -o "$work/bin" >/dev/null
[ "$build" = 1 ] && docker/engine/build.sh >/dev/null
vwe="$work/bin/vwe"

# Pool ready = the batch's time in all less its one world's latency (both from the summary `vwe batch` prints).
cold_start() { # kind, engines
    echo "== cold start, --engine $1 --engines $2, one 256² world, $runs runs (ready / first result / whole command, ms)"
    echo "cold-start-1" >"$work/one.txt"
    for _ in $(seq 1 "$runs"); do
        begin=$(date +%s%N)
        summary=$("$vwe" batch "$work/one.txt" --out "$work/out" --format bin --size 256 --pixel-size 96 \
            --engine "$1" --engines "$2" 2>/dev/null)
        whole=$((($(date +%s%N) - begin) / 1000000))
        rm -rf "$work/out"
        latency=$(sed -n 's/^latency *p50 \([0-9.]*\) ms.*/\1/p' <<<"$summary")
        total=$(sed -n 's/.*(\([0-9.]*\) s in all).*/\1/p' <<<"$summary")
        awk -v t="$total" -v l="$latency" -v w="$whole" 'BEGIN { printf "%.0f / %.0f / %d\n", t * 1000 - l, t * 1000, w }'
    done
}

warm() { # name, seeds file, grid arguments, batch arguments
    echo "== $1"
    "$vwe" batch "$2" --out "$work/out" --format bin $3 $4 2>/dev/null
    rm -rf "$work/out"
}

for kind in process docker; do
    cold_start "$kind" 1
    cold_start "$kind" 3
done

for grid in "256 96 $small" "2048 12 $large"; do
    set -- $grid
    seq 1 "$3" | sed 's/^/bench-/' >"$work/seeds-$1.txt"
    args="--size $1 --pixel-size $2"
    warm "$3 worlds at $1² ($2 m): warm process pool, 3 engines" "$work/seeds-$1.txt" "$args" "--engine process --engines 3"
    warm "$3 worlds at $1² ($2 m): warm docker pool, 3 engines" "$work/seeds-$1.txt" "$args" "--engine docker --engines 3"
    if [ "$1" = 256 ]; then
        warm "$3 worlds at $1² ($2 m): cold, a fresh engine process per world" "$work/seeds-$1.txt" "$args" "--engine process --engines 3 --cold"
        warm "$3 worlds at $1² ($2 m): cold, a fresh container per world" "$work/seeds-$1.txt" "$args" "--engine docker --engines 3 --cold"
    fi
done
