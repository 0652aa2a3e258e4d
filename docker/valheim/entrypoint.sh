#!/bin/sh
# Starts the Valheim dedicated server with BepInEx (Doorstop 4, as in BepInExPack for Valheim 5.4.2330 and later)
# on the world $WORLD, whose $WORLD.fwl is in /data/save/worlds_local (vwe world create writes it).
set -eu

if [ -z "${WORLD:-}" ]; then
    echo "entrypoint: set WORLD to the world's name, e.g. -e WORLD=vwecheck (its .fwl in /data/save/worlds_local, made by vwe world create)" >&2
    exit 2
fi

if [ ! -f "/data/save/worlds_local/$WORLD.fwl" ]; then
    echo "entrypoint: /data/save/worlds_local/$WORLD.fwl is missing; run vwe world create --name $WORLD --seed TEXT --dir <host data>/save/worlds_local first, or the server makes up its own seed" >&2
    exit 2
fi

mkdir -p /data/exports
cd /home/valheim/server
export DOORSTOP_ENABLED=1
export DOORSTOP_TARGET_ASSEMBLY=./BepInEx/core/BepInEx.Preloader.dll
export LD_LIBRARY_PATH="./doorstop_libs:./linux64:${LD_LIBRARY_PATH:-}"
export LD_PRELOAD="libdoorstop_x64.so:${LD_PRELOAD:-}"
export SteamAppId=892970

# The password must have 5 characters or more and not be part of the name; the server is not public.
exec ./valheim_server.x86_64 -nographics -batchmode \
    -name "${SERVER_NAME:-vwe-engine}" -port 2456 -world "$WORLD" \
    -password "${SERVER_PASSWORD:-check-only}" -savedir /data/save -public 0
