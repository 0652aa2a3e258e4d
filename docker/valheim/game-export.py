#!/usr/bin/env python3
"""Asks a running game engine (RuntimeWorldLoader) for one export over the control protocol (docs/protocol.md)
and waits for its answer: the export is complete when the answer arrives, never when a log line says so.

    game-export.py --seed-int 1706363555 --seed-text hnLycKKCMI --size 512 --pixel-size 48 \
                   --layers river,forest --out /data/exports/hn-512 [--port 2460] [--timeout 900]

--out is the folder as the game sees it (inside the container: under /data). Prints the answer's JSON; exit
code 0 on a result, 1 on an error answer, 2 on a bad command line or a broken connection.
"""
import argparse
import json
import socket
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description="one export from the game engine over the control protocol")
    parser.add_argument("--seed-int", type=int, required=True, help="the world's int seed (vwe seed TEXT prints it)")
    parser.add_argument("--seed-text", help="the seed text, recorded in manifest.json; must hash to --seed-int")
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--pixel-size", type=float, default=12)
    parser.add_argument("--layers", default="", help="comma-separated river, forest")
    parser.add_argument("--out", required=True, help="absolute export folder on the game's file system")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2460)
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for the answer")
    args = parser.parse_args()

    request = {"id": 1, "op": "export", "seedInt": args.seed_int, "grid": {"size": args.size, "pixelSize": args.pixel_size},
               "formats": ["bin"], "outputDirectory": args.out}
    if args.seed_text is not None:
        request["seedText"] = args.seed_text
    if args.layers:
        request["layers"] = args.layers.split(",")

    try:
        with socket.create_connection((args.host, args.port), timeout=args.timeout) as connection:
            frames = connection.makefile("rb")
            hello = json.loads(frames.readline())
            if hello.get("type") != "hello":
                print(f"game-export: the engine's first frame was {hello}, not a hello", file=sys.stderr)
                return 2
            print(f"connected: {hello.get('engine')} (kind {hello.get('kind')}, protocol {hello.get('protocol')})", file=sys.stderr)
            connection.sendall((json.dumps(request, separators=(",", ":")) + "\n").encode("utf-8"))
            for line in frames:
                frame = json.loads(line)
                if frame.get("id") == 1 and frame.get("type") in ("result", "error"):
                    print(json.dumps(frame, indent=2))
                    return 0 if frame["type"] == "result" else 1
                if frame.get("type") == "progress":
                    print(f"{frame.get('phase')} {100 * frame.get('fraction', 0):.0f} %", file=sys.stderr)
    except (OSError, ValueError) as problem:
        print(f"game-export: {args.host}:{args.port}: {problem}", file=sys.stderr)
        return 2
    print("game-export: the engine closed the connection before answering", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
