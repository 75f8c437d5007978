#!/usr/bin/env bash
# Re-creates the test photographs in this folder from the shared corpus (see README.md for what each
# one is for, and where it comes from). Run from anywhere:
#   processors/src/test/resources/photos/make-photos.sh [path/to/corpus]
# Made with ImageMagick 6.9.11-60 and exiftool 12.57 (Debian 12); other versions give other bytes
# but the same properties, which TestPhotosTest checks.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../../../../../../shared/corpus}"

# -strip drops the camera's metadata; exiftool then writes only the attribution (and the orientation).
attribute() { # file artist licence
  exiftool -q -overwrite_original -Artist="$2" -Copyright="$3" "$1"
}

# Landscape, progressive, 4:2:2 (the corpus original is progressive 4:2:2 too).
convert "$corpus/09_aitzgorri_by_Aitzol_Berasategi.jpg" -strip -resize 1024x \
  -interlace Plane -sampling-factor 2x1 -quality 80 "$here/aitzgorri_by_Aitzol_Berasategi.jpg"
attribute "$here/aitzgorri_by_Aitzol_Berasategi.jpg" "Aitzol Berasategi" "CC-BY-4.0, modified (scaled down)"

# Landscape, baseline, 4:2:0.
convert "$corpus/07_picosdeeuropa_by_Aitzol_Berasategi.jpg" -strip -resize 1024x \
  -interlace none -sampling-factor 2x2 -quality 80 "$here/picosdeeuropa_by_Aitzol_Berasategi.jpg"
attribute "$here/picosdeeuropa_by_Aitzol_Berasategi.jpg" "Aitzol Berasategi" "CC-BY-4.0, modified (scaled down)"

# The same landscape stored on its side: pixels turned 90° anticlockwise, EXIF Orientation 6
# ("rotate 90° clockwise to display"), so it shows upright only where the orientation is applied.
convert "$corpus/07_picosdeeuropa_by_Aitzol_Berasategi.jpg" -strip -resize 512x -rotate -90 \
  -interlace none -sampling-factor 2x2 -quality 80 "$here/picosdeeuropa_by_Aitzol_Berasategi-orientation-6.jpg"
attribute "$here/picosdeeuropa_by_Aitzol_Berasategi-orientation-6.jpg" "Aitzol Berasategi" "CC-BY-4.0, modified (scaled down, rotated)"
exiftool -q -overwrite_original -n -Orientation=6 "$here/picosdeeuropa_by_Aitzol_Berasategi-orientation-6.jpg"

# Portrait (3:4), baseline, 4:2:2: the dragonfly and its twig, cut out of the landscape original.
convert "$corpus/03_Dragonfly_by_Bolly.jpg" -strip -crop 2058x2744+1637+0 +repage -resize 720x960 \
  -interlace none -sampling-factor 2x1 -quality 80 "$here/Dragonfly_by_Bolly-portrait.jpg"
attribute "$here/Dragonfly_by_Bolly-portrait.jpg" "Bolly" "CC-BY-SA-4.0, modified (cropped, scaled down)"
