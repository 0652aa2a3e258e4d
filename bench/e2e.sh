#!/usr/bin/env bash
# The end-to-end figures of docs/benchmarks.md: publishes the Release binary (ReadyToRun), then times
# `vwe generate` with hyperfine and reads peak memory with GNU time. Needs: apt-get install hyperfine time.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Vwe.Cli -c Release -o "$work/bin" >/dev/null
vwe="$work/bin/vwe"

hyperfine -N --warmup 2 --runs 15 "$vwe generate hnLycKKCMI --size 512 --pixel-size 48 --out $work/w512"
hyperfine -N --warmup 1 --runs 8 "$vwe generate hnLycKKCMI --out $work/w2048"

for args in "--size 512 --pixel-size 48" "" "--size 4096 --pixel-size 6 --format bin,json,png" \
    "--size 8192 --pixel-size 3" "--size 16384 --pixel-size 1.5 --format bin"; do
    /usr/bin/time -f "%e s, peak RSS %M KB" "$vwe" generate hnLycKKCMI $args --out "$work/memory" 2>&1 >/dev/null \
        | sed "s|^|generate hnLycKKCMI ${args:-(defaults)}: |"
    rm -rf "$work/memory"
done
