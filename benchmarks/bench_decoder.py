"""Decoder benchmark on seeded, synthetic webcam-like frames: pipeline vs zxing-cpp vs pyzbar.

Run: ``.venv/bin/python benchmarks/bench_decoder.py [--frames 240] [--seed 7] [--hold 2]``

Frames are 640x480 and 1280x720 scenes (gradients, shapes, text) with a QR code (most), a Code128
barcode, or another format (EAN-13, DataMatrix, PDF417, Aztec, inverted QR), placed at random
size, rotation and perspective, then degraded: blur (Gaussian, motion), uneven light, glare blob,
noise, JPEG re-encoding at quality 40-80. Plus empty 720p frames for the idle cost.

A live camera shows a ticket for many frames, and the pipeline spreads its slower stages over
consecutive calls, so each sample is presented ``--hold`` times in a row (default 4, one cycle of
the pipeline's schedule = 133 ms at 30 fps) and
counts as read if any presentation reads it; single-shot decoders get the same frames, where a
repeat cannot change their answer. Each call is timed ``--repeat`` times (the pipeline's call
counter rewound in between) and the minimum kept: the figure is the decoder's own cost, not the
noise of other processes on a shared machine. ``scan_file``'s thorough mode is listed too.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import os
import string
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import qrcode
import zxingcpp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.adapters.decoding import (
    DEFAULT_SCHEDULE,
    Decoded,
    PipelineDecoder,
    ZbarDecoder,
    ZxingDecoder,
    load_zbar,
)

ALNUM = string.ascii_uppercase + string.digits
Rng = np.random.Generator


# ----------------------------------------------------------------------------- synthetic frames

def _payload(rng: Rng, kind: str) -> str:
    if kind in ("qr", "qr_inv"):
        r = rng.random()
        if r < 0.4:
            return "K1-" + "".join(rng.choice(list(ALNUM), 6))
        if r < 0.8:
            return "https://tickets.example.org/c/" + "".join(
                rng.choice(list(ALNUM + string.ascii_lowercase), 22))
        return "EVT2025|" + "".join(rng.choice(list(ALNUM), 40))
    if kind == "ean13":
        digits = [int(d) for d in rng.integers(0, 10, 12)]
        check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
        return "".join(map(str, digits)) + str(check)
    return "".join(rng.choice(list(ALNUM), int(rng.integers(8, 14))))


_ZX_FORMAT = {"c128": "Code128", "ean13": "EAN13", "datamatrix": "DataMatrix", "pdf417": "PDF417",
              "aztec": "Aztec"}


def _code_modules(text: str, kind: str, rng: Rng) -> np.ndarray:
    """The symbol at one pixel per module (1D: a single row), quiet zone included."""
    if kind in ("qr", "qr_inv"):
        level = [qrcode.constants.ERROR_CORRECT_L, qrcode.constants.ERROR_CORRECT_M,
                 qrcode.constants.ERROR_CORRECT_Q][int(rng.integers(0, 3))]
        q = qrcode.QRCode(border=4, box_size=1, error_correction=level)
        q.add_data(text)
        q.make(fit=True)
        img = np.array(q.make_image().convert("L"), dtype=np.uint8)
        return 255 - img if kind == "qr_inv" else img
    barcode = zxingcpp.create_barcode(text, zxingcpp.barcode_format_from_str(_ZX_FORMAT[kind]))
    img = np.array(barcode.to_image(scale=1, add_quiet_zones=True), dtype=np.uint8)
    return img[:1] if kind in ("c128", "ean13") else img


_GRIDS: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}


def _grid(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    if (h, w) not in _GRIDS:
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        _GRIDS[(h, w)] = (yy, xx)
    return _GRIDS[(h, w)]


def _scene(rng: Rng, w: int, h: int) -> np.ndarray:
    yy, xx = _grid(h, w)
    img = (rng.uniform(60, 170) + rng.uniform(20, 60) * np.sin(xx / rng.uniform(60, 200) + rng.uniform(0, 6))
           + rng.uniform(10, 40) * np.cos(yy / rng.uniform(40, 150)))
    img = np.dstack([img * rng.uniform(0.8, 1.1), img, img * rng.uniform(0.8, 1.2)])
    out = np.clip(img, 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(4, 14))):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        col = tuple(int(v) for v in rng.integers(0, 255, 3))
        if rng.random() < 0.5:
            cv2.rectangle(out, (x, y), (x + int(rng.integers(20, w // 3)), y + int(rng.integers(20, h // 3))), col, -1)
        else:
            cv2.ellipse(out, (x, y), (int(rng.integers(20, w // 5)), int(rng.integers(20, h // 4))),
                        float(rng.uniform(0, 180)), 0, 360, col, -1)
    if rng.random() < 0.6:
        cv2.putText(out, "REGISTRATION DESK 2025", (int(rng.integers(0, w // 2)), int(rng.integers(30, h))),
                    cv2.FONT_HERSHEY_SIMPLEX, float(rng.uniform(0.6, 1.5)), (20, 20, 20), 2)
    return out


def _degrade(rng: Rng, img: np.ndarray) -> np.ndarray:
    h, w = img.shape[:2]
    sigma = rng.uniform(0, 1.3)
    if sigma > 0.3:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    if rng.random() < 0.25:  # hand shake
        k = int(rng.integers(3, 8))
        line = np.zeros((k, k), np.float32)
        line[k // 2, :] = 1.0 / k
        rot = cv2.getRotationMatrix2D((k / 2 - 0.5, k / 2 - 0.5), float(rng.uniform(0, 180)), 1.0)
        kernel: np.ndarray = cv2.warpAffine(line, rot, (k, k))
        kernel /= max(float(kernel.sum()), 1e-6)
        img = cv2.filter2D(img, -1, kernel)
    f = img.astype(np.float32)
    yy, xx = _grid(h, w)
    f *= (1.0 + rng.uniform(-0.3, 0.3) * (xx / w - 0.5) + rng.uniform(-0.3, 0.3) * (yy / h - 0.5))[..., None]
    f = f * rng.uniform(0.6, 1.0) + rng.uniform(0, 40)
    f += rng.standard_normal(f.shape, dtype=np.float32) * np.float32(rng.uniform(1.5, 7))
    out = np.clip(f, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(40, 81))])
    decoded: np.ndarray | None = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    assert ok and decoded is not None
    return decoded


def _glare(rng: Rng, img: np.ndarray, quad: np.ndarray) -> np.ndarray:
    h, w = img.shape[:2]
    span = quad.max(0) - quad.min(0)
    c = quad.mean(axis=0) + rng.uniform(-0.4, 0.4, 2) * span
    r = rng.uniform(0.08, 0.3) * float(span.max())
    yy, xx = _grid(h, w)
    m = np.exp(-(((xx - c[0]) ** 2 + (yy - c[1]) ** 2) / (2 * r * r)))[..., None] * rng.uniform(0.5, 0.95)
    out: np.ndarray = np.clip(img * (1 - m) + 255 * m, 0, 255).astype(np.uint8)
    return out


def make_sample(rng: Rng, w: int, h: int, kind: str) -> tuple[np.ndarray, str]:
    """A degraded frame holding one code of ``kind``, and the code's text."""
    text = _payload(rng, kind)
    code = _code_modules(text, kind, rng)
    bg = _scene(rng, w, h)
    ch, cw = code.shape
    linear = kind in ("c128", "ean13")
    if linear:
        vertical = rng.random() < 0.1
        span = (0.9 * h) if vertical else (0.92 * w)
        tw = min(cw * rng.uniform(1.6, 4.0), span)
        th = max(tw * 0.22, 30.0)
        tilt = rng.uniform(-8, 8) if rng.random() < 0.7 else rng.uniform(-20, 20)
        ang = np.deg2rad(tilt + (90 if vertical else 0))
        jx, jy = np.float32(0.04 * tw), np.float32(0.2 * th)
    else:
        tw = rng.uniform(0.18, 0.6) * min(w, h)
        th = tw * ch / cw
        ang = rng.uniform(0, 2 * np.pi) if kind != "pdf417" else np.deg2rad(rng.uniform(-10, 10))
        jx = jy = np.float32(0.08 * max(tw, th))
    rot_m = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]], np.float32)
    pts = np.array([[-tw / 2, -th / 2], [tw / 2, -th / 2], [tw / 2, th / 2], [-tw / 2, th / 2]], np.float32)
    pts[:, 0] += rng.uniform(-1, 1, 4).astype(np.float32) * jx
    pts[:, 1] += rng.uniform(-1, 1, 4).astype(np.float32) * jy
    rot = pts @ rot_m.T
    lo, hi = rot.min(0), rot.max(0)
    cx = rng.uniform(-lo[0] + 4, w - hi[0] - 4) if hi[0] - lo[0] < w - 8 else w / 2
    cy = rng.uniform(-lo[1] + 4, h - hi[1] - 4) if hi[1] - lo[1] < h - 8 else h / 2
    quad = (rot + np.array([cx, cy], np.float32)).astype(np.float32)
    scale = max(tw / cw, 1e-3)
    size = (max(1, round(cw * scale)), max(1, round(th if linear else ch * scale)))
    code = cv2.resize(code, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_NEAREST)
    ch, cw = code.shape
    src = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], np.float32)
    ink = code.astype(np.float32) * rng.uniform(0.8, 1.0) + rng.uniform(0, 25)
    if kind == "qr_inv":  # a dark-mode phone screen: the dark "paper" stays dark
        ink = code.astype(np.float32) * rng.uniform(0.75, 0.95) + rng.uniform(5, 25)
    hom = cv2.getPerspectiveTransform(src, quad)
    warped = cv2.warpPerspective(ink, hom, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones_like(ink), hom, (w, h), flags=cv2.INTER_LINEAR)[..., None]
    img = np.clip(bg * (1 - mask) + warped[..., None] * mask, 0, 255).astype(np.uint8)
    if rng.random() < 0.3:
        img = _glare(rng, img, quad)
    return _degrade(rng, img), text


def make_set(n: int, seed: int) -> list[tuple[np.ndarray, str, str]]:
    rng = np.random.default_rng(seed)
    others = ("ean13", "datamatrix", "pdf417", "aztec", "qr_inv")
    out = []
    for i in range(n):
        r = i % 20
        kind = "c128" if r in (2, 5, 8, 11, 14, 17) else others[(i // 20) % len(others)] if r == 19 else "qr"
        w, h = (1280, 720) if i % 2 == 0 else (640, 480)
        img, text = make_sample(rng, w, h, kind)
        out.append((img, text, kind))
    return out


def make_empty(n: int, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed + 1000)
    return [_degrade(rng, _scene(rng, 1280, 720)) for _ in range(n)]


# ----------------------------------------------------------------------------- measuring

def _timed(decoder: Any, frame: np.ndarray, repeat: int, **kw: Any) -> tuple[list[Decoded], float]:
    calls = getattr(decoder, "_calls", None)
    best = float("inf")
    result: list[Decoded] = []
    for i in range(repeat):
        if calls is not None:
            decoder._calls = calls  # same schedule slot for every repeat
        start = time.perf_counter()
        found = decoder.decode(frame, **kw)
        best = min(best, (time.perf_counter() - start) * 1000.0)
        if i == 0:
            result = found
    return result, best


def run(name: str, decoder: Any, samples: list[tuple[np.ndarray, str, str]], empty: list[np.ndarray],
        hold: int, repeat: int, **kw: Any) -> dict[str, Any]:
    ok: dict[str, list[bool]] = {}
    times: dict[str, list[float]] = {"480": [], "720": []}
    stages: Counter[str] = Counter()
    for img, text, kind in samples:
        hit = False
        for _ in range(hold):
            found, ms = _timed(decoder, img, repeat, **kw)
            times["720" if img.shape[0] == 720 else "480"].append(ms)
            if any(d.text == text for d in found):
                hit = True
                stages[getattr(decoder, "last_stage", "") or name] += 1
                break
        ok.setdefault(kind, []).append(hit)
    empty_ms = []
    for img in empty:
        for _ in range(hold):
            empty_ms.append(_timed(decoder, img, repeat, **kw)[1])
    return {"name": name, "ok": ok, "times": times, "empty": empty_ms, "stages": stages}


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def report(rows: list[dict[str, Any]], n: int) -> None:
    kinds = ["qr", "c128", "other"]
    print()
    head = (f"{'decoder':34s} {'all':>6s} {'QR':>6s} {'C128':>6s} {'other':>6s} | {'480p p50':>8s} {'p95':>6s}"
            f" | {'720p p50':>8s} {'p95':>6s} | {'empty720 p50':>12s} {'p95':>6s}")
    print(head)
    print("-" * len(head))
    for row in rows:
        ok = row["ok"]
        per = {k: ok.get(k, []) for k in ("qr", "c128")}
        per["other"] = [v for k, vals in ok.items() if k not in ("qr", "c128") for v in vals]
        every = [v for vals in ok.values() for v in vals]

        def rate(vals: list[bool]) -> str:
            return f"{100.0 * sum(vals) / len(vals):5.1f}%" if vals else "   -  "
        t = row["times"]
        print(f"{row['name']:34s} {rate(every)} {' '.join(rate(per[k]) for k in kinds)} |"
              f" {_pct(t['480'], 50):8.2f} {_pct(t['480'], 95):6.2f} | {_pct(t['720'], 50):8.2f}"
              f" {_pct(t['720'], 95):6.2f} | {_pct(row['empty'], 50):12.2f} {_pct(row['empty'], 95):6.2f}")
    print(f"\n(success over {n} frames; times in ms per call, min of repeats; 'other' = EAN-13, DataMatrix,"
          " PDF417, Aztec, inverted QR)")


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=240)
    ap.add_argument("--empty", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--hold", type=int, default=len(DEFAULT_SCHEDULE),
                    help="consecutive calls per sample (live camera; default: one pipeline cycle)")
    ap.add_argument("--repeat", type=int, default=2, help="timing repeats per call (minimum kept)")
    ap.add_argument("--no-baselines", action="store_true", help="skip the slow single-library runs")
    args = ap.parse_args(argv)

    cv2.setRNGSeed(args.seed)
    t0 = time.perf_counter()
    samples = make_set(args.frames, args.seed)
    empty = make_empty(args.empty, args.seed)
    print(f"{len(samples)} code frames + {len(empty)} empty 720p frames generated in "
          f"{time.perf_counter() - t0:.1f} s; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores;"
          f" OpenCV {cv2.__version__}, zxing-cpp {_version('zxing-cpp')}, pyzbar {_version('pyzbar')}")
    have_zbar = load_zbar() is not None
    contenders: list[tuple[str, Callable[[], Any], dict[str, Any], int]] = [
        ("pipeline zxing+zbar (live)", lambda: PipelineDecoder(use_zbar=True), {}, args.hold),
        ("pipeline zxing only (live)", lambda: PipelineDecoder(use_zbar=False), {}, args.hold),
    ]
    if not args.no_baselines:
        contenders.append(("zxing-cpp alone (all formats)", ZxingDecoder, {}, 1))
        if have_zbar:
            contenders.append(("pyzbar alone (all symbologies)", ZbarDecoder, {}, 1))
    contenders.append(("pipeline thorough (still images)", lambda: PipelineDecoder(use_zbar=True),
                       {"thorough": True}, 1))
    if not have_zbar:
        print("libzbar missing: pyzbar rows skipped")
    gc.disable()
    rows = []
    try:
        for name, factory, kw, hold in contenders:
            t1 = time.perf_counter()
            rows.append(run(name, factory(), samples, empty, hold, args.repeat, **kw))
            print(f"  {name}: {time.perf_counter() - t1:.1f} s", flush=True)
    finally:
        gc.enable()
    report(rows, len(samples))
    live = rows[0]
    print("\npipeline (live) stages that read the codes:",
          ", ".join(f"{k} {v}" for k, v in live["stages"].most_common()))
    t720, e720 = live["times"]["720"], live["empty"]
    p95, empty_p50 = _pct(t720, 95), _pct(e720, 50)
    print(f"targets: 720p p95 < 5 ms -> {p95:.2f} ms {'ok' if p95 < 5 else 'MISSED'}; "
          f"empty 720p p50 < 2 ms -> {empty_p50:.2f} ms {'ok' if empty_p50 < 2 else 'MISSED'}")
    print(f"total {time.perf_counter() - t0:.1f} s")
    return 0 if p95 < 5 and empty_p50 < 2 else 1  # make bench names this file when a target is missed


if __name__ == "__main__":
    raise SystemExit(main())
