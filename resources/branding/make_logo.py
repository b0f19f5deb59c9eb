"""Generate resources/branding/logo.png for #Plus20: an amber honeycomb cell with '+20'.

Run: .venv/bin/python resources/branding/make_logo.py (needs DejaVu Sans Bold from fonts-dejavu-core).
"""
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

S = 4  # supersampling
W = 360
img = Image.new("RGBA", (W * S, W * S), (0, 0, 0, 0))
d = ImageDraw.Draw(img)
cx = cy = W * S / 2
def hexagon(r):
    return [(cx + r * math.cos(math.radians(60 * i + 30)),
             cy + r * math.sin(math.radians(60 * i + 30))) for i in range(6)]
d.polygon(hexagon(175 * S), fill=(33, 33, 33, 255))
d.polygon(hexagon(160 * S), fill=(245, 166, 35, 255))
d.polygon(hexagon(140 * S), outline=(255, 255, 255, 255), width=4 * S)
font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 104 * S)
text = "+20"
box = d.textbbox((0, 0), text, font=font)
d.text((cx - (box[0] + box[2]) / 2, cy - (box[1] + box[3]) / 2 - 14 * S), text, font=font, fill=(33, 33, 33, 255))
small = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 26 * S)
t2 = "#PLUS20"
b2 = d.textbbox((0, 0), t2, font=small)
d.text((cx - (b2[0] + b2[2]) / 2, cy + 52 * S), t2, font=small, fill=(33, 33, 33, 255))
img = img.resize((W, W), Image.LANCZOS)
img.save(Path(__file__).with_name("logo.png"), optimize=True)
