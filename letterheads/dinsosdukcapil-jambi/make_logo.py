#!/usr/bin/env python3
"""Draws the demo office's emblem (a stand-in for the provincial lambang) as an RGBA PNG.

Uses only the Python standard library (zlib, struct) so it runs on a bare Debian:
    python3 letterheads/dinsosdukcapil-jambi/make_logo.py letterheads/dinsosdukcapil-jambi/logo.png
The shape: a shield with a green field, a gold five-pointed star, a blue river wave and a
gold border; the background is transparent.
"""
import math
import struct
import sys
import zlib

W, H = 180, 216
SS = 3  # supersampling for smooth edges


def inside_shield(x, y):
    # Flat top, straight sides to 55 % of the height, then a pointed base.
    if y < 0.04 or x < 0.06 or x > 0.94:
        return False
    if y <= 0.55:
        return True
    t = (y - 0.55) / 0.43
    half = 0.44 * math.sqrt(max(0.0, 1 - t * t))
    return abs(x - 0.5) <= half and y <= 0.98


def inside_star(x, y, cx, cy, r):
    angle = math.atan2(y - cy, x - cx)
    dist = math.hypot(x - cx, y - cy)
    # Radius of a five-pointed star at this angle.
    k = (angle + math.pi / 2) % (2 * math.pi / 5)
    k = abs(k - math.pi / 5) / (math.pi / 5)
    inner = r * 0.4
    edge = inner + (r - inner) * k ** 1.6
    return dist <= edge


def colour(x, y):
    if not inside_shield(x, y):
        return (0, 0, 0, 0)
    border = not inside_shield(0.5 + (x - 0.5) / 0.88, 0.05 + (y - 0.05) / 0.9)
    if border:
        return (200, 150, 20, 255)
    if inside_star(x, y, 0.5, 0.27, 0.15):
        return (240, 190, 30, 255)
    wave = 0.66 + 0.03 * math.sin(x * 4 * math.pi)
    if wave <= y <= wave + 0.06 or wave + 0.1 <= y <= wave + 0.14:
        return (30, 90, 170, 255)
    return (20, 110, 60, 255)


def main(path):
    rows = []
    for py in range(H):
        row = bytearray([0])
        for px in range(W):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    c = colour((px + (sx + 0.5) / SS) / W, (py + (sy + 0.5) / SS) / H)
                    for i in range(3):
                        acc[i] += c[i] * c[3]
                    acc[3] += c[3]
            a = acc[3] / (SS * SS)
            rgb = [int(acc[i] / acc[3]) if acc[3] else 255 for i in range(3)]
            row += bytes(rgb + [int(a)])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    with open(path, "wb") as out:
        out.write(png)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "logo.png")
