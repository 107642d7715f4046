#!/usr/bin/env python3
"""Renders an HTML page in headless Chromium and checks what a reviewer sees.

    render_review.py PAGE.html SCREENSHOT.png [--expect-console]

Fails (exit 1) when the screenshot is blank (no pixel darker than near-white)
or when Chromium logged a console message (a script error, a blocked request,
a Content-Security-Policy violation); with --expect-console it fails when
there was none, so a test can prove the check sees console messages at all.
Exit 77 when Chromium is not installed (the caller skips loudly).

Chromium: $CHROMIUM, else `chromium`, else `chromium-browser`. Only Python's
standard library is used (the PNG is decoded with zlib).
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib


def chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def png_pixels(path):
    """(width, height, bytes per pixel, rows of unfiltered bytes) of an
    8-bit RGB or RGBA PNG, as Chromium writes them."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{path}: unexpected PNG kind (depth {depth}, colour {colour}, interlace {interlace})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def dark_pixels(path):
    """Pixels with a channel below 200: text, borders, anything drawn."""
    width, height, bpp, rows = png_pixels(path)
    count = 0
    for row in rows:
        for x in range(0, width * bpp, bpp):
            if min(row[x], row[x + 1], row[x + 2]) < 200:
                count += 1
    return count, width * height


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    expect_console = "--expect-console" in sys.argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    page, shot = (os.path.abspath(a) for a in args)
    browser = chromium()
    if browser is None:
        print("SKIP render_review: chromium not found (apt-get install chromium, or set CHROMIUM)")
        return 77
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1200,1600",
            "--enable-logging=stderr",
            "--v=0",
            "file://" + page,
        ]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            print("render_review: chromium took more than 120 s")
            return 1
    console = [l for l in run.stderr.splitlines() if ":CONSOLE" in l]
    if run.returncode != 0 or not os.path.exists(shot):
        print(f"render_review: chromium exit {run.returncode}, no screenshot\n{run.stderr[-2000:]}")
        return 1
    dark, total = dark_pixels(shot)
    print(f"render_review: {page}: {dark} of {total} pixels drawn, {len(console)} console message(s)")
    for line in console:
        print(f"  console: {line}")
    if expect_console:
        return 0 if console else 1
    if dark < 1000:
        print("render_review: the screenshot is blank")
        return 1
    return 1 if console else 0


if __name__ == "__main__":
    sys.exit(main())
