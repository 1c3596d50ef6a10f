#!/usr/bin/env bash
# Benchmark images, made from seeded noise with the libvips CLI (`vips`), so
# the same libvips version always writes the same bytes.
#
#   tests/bench/make-images.sh OUTDIR
#
# Each "photo" is built in CIE Lab and converted to sRGB:
#   L  fractal Perlin noise (4 octaves) + bright round "pebbles" with hard
#      edges (thresholded Worley noise) + fine Gaussian grain
#   a  low-frequency Perlin noise
#   b  low-frequency Perlin noise + a top-to-bottom ramp (sky to ground)
# That gives smooth areas, texture and sharp edges, so JPEG sizes and decode /
# resize costs are close to those of real photos.  Files written:
#
#   photo-6000x4000.jpg   24 MP, Q90  (camera-sized)
#   photo-1920x1080.jpg   full HD, Q85
#   photo-1600x1200.jpg   2 MP, Q85   (also the ab target)
#   small-300x200.jpg     Q85         (health checks)
#   static-30k.jpg        ~30 KB, Q85 (served as-is: the static workload)
#   photo-640x480.jpg     0.3 MP, Q85 } with photo-1600x1200 and photo-6000x4000:
#   photo-4000x3000.jpg   12 MP, Q90  } the five sizes of curves.sh's size sweep
#   photo-8000x6000.jpg   48 MP, Q90  }
set -euo pipefail
OUT="${1:?usage: make-images.sh OUTDIR}"
command -v vips >/dev/null || { echo "vips not found (apt-get install libvips-tools)" >&2; exit 1; }
mkdir -p "$OUT"
T="$(mktemp -d /tmp/mort-bench-img.XXXXXX)"
trap 'rm -rf "$T"' EXIT

noise() { # W H CELL SEED OUT -> Perlin noise, float, about -1..1
  local cell=$3; [ "$cell" -ge 2 ] || cell=2
  vips perlin "$5" "$1" "$2" --cell-size "$cell" --seed "$4"
}
scaled() { # IN OUT A B -> OUT = IN * A + B
  vips linear "$1" "$2" -- "$3" "$4"
}

photo() { # W H SEED OUT.jpg Q
  local W=$1 H=$2 S=$3 out=$4 q=$5 i cell amp
  local -a parts=()
  # L: octaves with cell sizes W/3, W/12, W/48, W/192 and falling amplitude
  cell=$((W / 3)); amp=32
  for i in 1 2 3 4; do
    noise "$W" "$H" "$cell" $((S + i)) "$T/n.v"
    scaled "$T/n.v" "$T/L$i.v" "$amp" 0
    parts+=("$T/L$i.v")
    cell=$((cell / 4)); amp=$((amp / 2))
  done
  # pebbles: points within 18 % of the Worley cell size of a feature point
  cell=$((W / 14 > 4 ? W / 14 : 4))
  vips worley "$T/w.v" "$W" "$H" --cell-size "$cell" --seed $((S + 7))
  vips relational_const "$T/w.v" "$T/p.v" less $((cell * 18 / 100 + 1))
  scaled "$T/p.v" "$T/P.v" "$(awk 'BEGIN { print 18 / 255 }')" 0
  vips gaussnoise "$T/g.v" "$W" "$H" --sigma 2.5 --mean 50 --seed $((S + 8))
  parts+=("$T/P.v" "$T/g.v")
  vips sum "${parts[*]}" "$T/L.v"
  # a, b: colour, low frequency
  noise "$W" "$H" $((W / 2)) $((S + 11)) "$T/n.v"
  scaled "$T/n.v" "$T/a.v" 30 0
  noise "$W" "$H" $((W / 2)) $((S + 12)) "$T/n.v"
  scaled "$T/n.v" "$T/b0.v" 30 0
  vips xyz "$T/xy.v" "$W" "$H"
  vips extract_band "$T/xy.v" "$T/y.v" 1
  scaled "$T/y.v" "$T/ramp.v" "$(awk -v h="$H" 'BEGIN { print 40 / h }')" -20
  vips add "$T/b0.v" "$T/ramp.v" "$T/b.v"
  vips bandjoin "$T/L.v $T/a.v $T/b.v" "$T/lab0.v"
  vips copy "$T/lab0.v" "$T/lab.v" --interpretation lab
  vips colourspace "$T/lab.v" "$T/rgb.v" srgb
  vips jpegsave "$T/rgb.v" "$out" --Q "$q" --strip
  rm -f "$T"/*.v
}

echo "making benchmark images in $OUT ($(vips --version))"
photo 6000 4000 100 "$OUT/photo-6000x4000.jpg" 90
photo 1920 1080 200 "$OUT/photo-1920x1080.jpg" 85
photo 1600 1200 300 "$OUT/photo-1600x1200.jpg" 85
photo 300 200 400 "$OUT/small-300x200.jpg" 85
photo 360 240 500 "$OUT/static-30k.jpg" 85
photo 640 480 600 "$OUT/photo-640x480.jpg" 85
photo 4000 3000 700 "$OUT/photo-4000x3000.jpg" 90
photo 8000 6000 800 "$OUT/photo-8000x6000.jpg" 90
for f in photo-6000x4000.jpg photo-1920x1080.jpg photo-1600x1200.jpg small-300x200.jpg static-30k.jpg \
         photo-640x480.jpg photo-4000x3000.jpg photo-8000x6000.jpg; do
  printf '  %-20s %5sx%-5s %9d bytes\n' "$f" "$(vipsheader -f width "$OUT/$f")" \
    "$(vipsheader -f height "$OUT/$f")" "$(stat -c %s "$OUT/$f")"
done
