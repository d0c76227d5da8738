#!/usr/bin/env python3
"""Draws two stand-in field photos (a village house and a road) for the laporan sample.

Standard library only; writes PPM, which cjpeg (Debian package libjpeg-turbo-progs) turns
into JPEG:
    cd samples/documents/foto && python3 make_photos.py && \
      for f in lokasi-1 lokasi-2; do cjpeg -quality 70 -optimize $f.ppm > $f.jpg; rm $f.ppm; done
"""
import math

W, H = 320, 240


def scene(kind, x, y):
    if y < H * 0.45:  # sky with a gradient
        t = y / (H * 0.45)
        return (int(110 + 80 * t), int(160 + 60 * t), 235)
    if kind == "rumah" and 90 <= x <= 230 and H * 0.35 <= y <= H * 0.75:
        top = H * 0.35 + abs(x - 160) * 0.55
        if y < top:
            return (40, 170, 210) if y < H * 0.45 else (120, 200, 120)
        if y < H * 0.5:
            return (150, 60, 40)  # roof
        if 140 <= x <= 175 and y > H * 0.58:
            return (90, 55, 30)  # door
        return (225, 210, 180)  # wall
    if kind == "jalan":
        half = (y - H * 0.45) * 0.9 + 8
        if abs(x - W / 2) < half:
            stripe = abs(x - W / 2) < 2 and int(y / 10) % 2 == 0
            return (240, 240, 240) if stripe else (95, 95, 100)
    shade = int(20 * math.sin(x * 0.2) * math.sin(y * 0.3))
    return (60 + shade, 140 + shade, 60)


for name, kind in (("lokasi-1", "rumah"), ("lokasi-2", "jalan")):
    with open(name + ".ppm", "wb") as out:
        out.write(b"P6 %d %d 255\n" % (W, H))
        for y in range(H):
            out.write(bytes(c for x in range(W) for c in scene(kind, x, y)))
