#!/usr/bin/env bash
# Builds the image vwe-engine (tags :latest and :<version>) from this checkout, downloading nothing but NuGet
# packages: a self-contained `dotnet publish` of the CLI plus the shared libraries ldd names, on FROM scratch.
# Usage: docker/engine/build.sh [TAG ...]   (extra tags, e.g. vwe-engine:test; DOCKER_HOST is honoured)
set -euo pipefail
cd "$(dirname "$0")/../.."

rid=linux-x64
context=$(mktemp -d "${TMPDIR:-/tmp}/vwe-engine-image.XXXXXX")
trap 'rm -rf "$context"' EXIT
rootfs=$context/rootfs
mkdir -p "$rootfs/app" "$rootfs/tmp"
chmod 1777 "$rootfs/tmp"

dotnet publish src/Vwe.Cli -c Release -r "$rid" --self-contained -p:PublishReadyToRun=true \
    -p:DebugType=none -p:GenerateDocumentationFile=false -o "$rootfs/app" --nologo -v quiet

# Every shared library the launcher and the native libraries beside it need, copied at the path the loader
# looks for (symlinks resolved), plus the loader itself.
copy_library() {
    local path=$1
    [ -e "$rootfs$path" ] && return 0
    mkdir -p "$rootfs$(dirname "$path")"
    cp -L "$path" "$rootfs$path"
}
# OpenSSL is opened at run time (dlopen, so ldd cannot see it): .NET's SHA-256, which the manifests use, is OpenSSL's.
runtime_opened=()
for soname in libssl.so.3 libcrypto.so.3; do
    path=$(ldconfig -p | awk -v name="$soname" '$1 == name && /x86-64/ { print $NF; exit }')
    if [ -z "$path" ]; then
        echo "build.sh: $soname is not installed here; apt-get install -y libssl3" >&2
        exit 1
    fi
    runtime_opened+=("$path")
done
for binary in "$rootfs/app/vwe" "$rootfs"/app/*.so "${runtime_opened[@]}"; do
    while read -r path; do
        copy_library "$path"
    done < <(ldd "$binary" | grep -o '/[^ ]*' | sort -u)
done
for path in "${runtime_opened[@]}"; do
    copy_library "$path"
done

version=$("$rootfs/app/vwe" --version 2>/dev/null | head -n 1 | cut -d+ -f1 || true)
names=(vwe-engine:latest)
[ -n "$version" ] && names+=("vwe-engine:$version")
names+=("$@")
tags=()
for name in "${names[@]}"; do
    tags+=(-t "$name")
done

cp docker/engine/Dockerfile "$context/Dockerfile"
docker build -q "${tags[@]}" "$context"
echo "built ${names[*]}" >&2
