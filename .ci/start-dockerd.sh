#!/usr/bin/env bash
# Starts a private Docker daemon for the container tests and prints the DOCKER_HOST to use on stdout.
# Usage: .ci/start-dockerd.sh DIR   (socket, data, state and log under DIR; `kill $(cat DIR/dockerd.pid)` stops it)
# Waits on `docker info` with a deadline; exits non-zero, with the daemon's last log lines on stderr, when it
# does not answer in time.
set -euo pipefail

dir=${1:?usage: start-dockerd.sh DIR}
deadline_seconds=${DOCKERD_START_SECONDS:-60}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
socket="unix://$dir/docker.sock"

if ! command -v dockerd >/dev/null 2>&1; then
    echo "start-dockerd: dockerd is not installed; apt-get install -y docker.io" >&2
    exit 1
fi

dockerd --host "$socket" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
    >"$dir/dockerd.log" 2>&1 </dev/null &
pid=$!

end=$((SECONDS + deadline_seconds))
until DOCKER_HOST=$socket docker info >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start-dockerd: dockerd exited; its last lines:" >&2
        tail -n 20 "$dir/dockerd.log" >&2
        exit 1
    fi
    if [ $SECONDS -ge $end ]; then
        echo "start-dockerd: dockerd did not answer within ${deadline_seconds} s; its last lines:" >&2
        tail -n 20 "$dir/dockerd.log" >&2
        kill "$pid" 2>/dev/null || true
        exit 1
    fi
    sleep 0.2
done

echo "$socket"
