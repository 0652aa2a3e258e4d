#!/usr/bin/env bash
# The service figures of docs/benchmarks.md: publishes the Release binary (ReadyToRun) and the load check, then
# the load check starts `vwe serve --engines 2` on a fresh data folder and drives concurrent clients on loopback:
# requests/s and p50/p99 for cached file downloads and point queries on a warm world, worlds/min for fresh seeds.
# Usage: bench/serve.sh [clients] [seconds per scenario] [fresh 512² worlds]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-16}
seconds=${2:-10}
fresh=${3:-24}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Vwe.Cli -c Release -o "$work/bin" >/dev/null
dotnet publish bench/Vwe.LoadCheck -c Release -o "$work/loadcheck" >/dev/null
"$work/loadcheck/vwe-loadcheck" --vwe "$work/bin/vwe" --clients "$clients" --seconds "$seconds" --fresh "$fresh" --engines 2
