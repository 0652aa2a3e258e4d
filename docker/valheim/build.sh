#!/usr/bin/env bash
# Builds the vwe-valheim image: the real Valheim dedicated server with BepInEx and VWE's plugins
# (docs/plugins.md). Needs dotnet, docker, and a network that reaches Steam; CI never runs it.
#   docker/valheim/build.sh path/to/BepInExPack_Valheim.zip [image tag, default vwe-valheim]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

zip="${1:-}"
tag="${2:-vwe-valheim}"
if [ -z "$zip" ] || [ ! -f "$zip" ]; then
    echo "build.sh: give the BepInExPack for Valheim zip you downloaded (5.4.2333 or later), e.g. docker/valheim/build.sh ~/Downloads/denikson-BepInExPack_Valheim-5.4.2333.zip" >&2
    exit 2
fi

dotnet build -c Release "$root/plugins/Vwe.RuntimeWorldLoader"
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
cp "$here/Dockerfile" "$here/entrypoint.sh" "$here/vwe.runtimeworldloader.cfg" "$context/"
cp "$zip" "$context/BepInExPack_Valheim.zip"
mkdir "$context/plugins"
# Only the assemblies: the stubs of plugins/refs are never in this folder (Private=false), so the game's own load.
cp "$root/plugins/Vwe.RuntimeWorldLoader/bin/Release/net48/"*.dll "$context/plugins/"
if ls "$context/plugins" | grep -qiE '^(BepInEx|UnityEngine|assembly_valheim|0Harmony)'; then
    echo "build.sh: a reference stub reached the plugin folder; it must never ship" >&2
    exit 1
fi

docker build -t "$tag" "$context"
echo "built $tag"
