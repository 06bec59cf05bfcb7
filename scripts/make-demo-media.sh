#!/usr/bin/env bash
# Regenerates every file in resources/demo/media: the classroom videos, the voice memo and the
# photographed-looking student work that the demo evidence packets (src/demo) are built from.
#
# Everything is synthesised with ffmpeg's lavfi sources and drawbox/drawtext, so no real child,
# classroom or voice appears anywhere in the demo set (the real thing would be FERPA-protected).
# The outputs are committed; run this only when you change a file below:
#
#   bash scripts/make-demo-media.sh
#
# Determinism: fixed noise seeds, single-threaded encoders and bitexact flags (no encoder version
# strings, no timestamps), so the same ffmpeg build reproduces the same bytes.
#
# Videos: 426x240, 24 fps, a keyframe every 48 frames (2 s) so seeking stays fast, ~35-40 s long.
# MP4 = H.264 Main + AAC with +faststart (moov first, playable while it streams); WebM = VP9 +
# Opus with the cues up front. Both play in Chromium.
#
# Student-work sheets use the geometry mirrored in src/demo/media-geometry.ts (the PDF
# annotations are drawn at these pixel positions), so change both together.
#
# Files (the packet that uses each, by candidate pseudonym):
#   g7-math-exit-ticket-discussion.mp4      36 s, H.264/AAC: next-day debrief of an exit ticket (K-4172)
#   g7-whiteboard-double-number-line.png    whiteboard photo from the small-group reteach (K-4172)
#   g7-exit-ticket-s04|s09|s17.jpg          exit tickets: secure, inverted rate, no interpretation (K-4172)
#   g4-reading-main-idea-small-group.webm   34 s, VP9/Opus: small-group reteach on main idea (R-2098)
#   g4-anchor-chart-main-idea.jpg           "main idea table" anchor chart on chart paper (R-2098)
#   g4-exit-ticket-s03|s11|s20.jpg          exit tickets: supported, topic only, detail as main idea (R-2098)
#   g9-biology-osmosis-hinge-question.webm  38 s, VP9/Opus: hinge question with mini whiteboards (M-5531)
#   g9-hinge-question-slide.png             the projected hinge-question slide (M-5531)
#   g9-whiteboard-s06|s14|s22.jpg           mini whiteboards held up: B, C, A (M-5531)
#   g2-place-value-s02|s08|s15.jpg          place-value check-ins with drawn base-ten blocks (T-1186)
#   g10-paragraph-s05|s12|s21.jpg           handwritten argument paragraphs on notebook paper (J-7740)
#   g10-writing-conference-memo.ogg         20 s Opus voice memo after a writing conference (J-7740)
#   g5-science-food-web-plc.mp4             40 s, H.264/AAC: grade-level team looking at student work (P-3307)
#   g5-food-web-s07|s13|s24.jpg             food-web checkpoints: correct, reversed arrows, no sun (P-3307)
# The scans reused on every page by writeLargePdf (src/demo/large-pdf.ts) come from this set too.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/resources/demo/media"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

DEJAVU=/usr/share/fonts/truetype/dejavu
URW=/usr/share/fonts/opentype/urw-base35
SANS="$DEJAVU/DejaVuSans.ttf"
BOLD="$DEJAVU/DejaVuSans-Bold.ttf"
MONO="$DEJAVU/DejaVuSansMono.ttf"
for f in "$SANS" "$BOLD" "$MONO"; do
  [ -f "$f" ] || { echo "missing font $f (install fonts-dejavu)" >&2; exit 1; }
done
# "Handwriting": URW base35 (a ghostscript dependency) has a chancery italic that reads as pen and
# a geometric oblique that reads as pencil print. Without it the sheets fall back to DejaVu
# Oblique, which still works but changes the bytes of the committed images.
pick_font() { if [ -f "$1" ]; then printf '%s' "$1"; else printf '%s' "$DEJAVU/DejaVuSans-Oblique.ttf"; fi; }
PEN_FONT=$(pick_font "$URW/Z003-MediumItalic.otf")
PENCIL_FONT=$(pick_font "$URW/URWGothic-BookOblique.otf")
MARKER_FONT=$(pick_font "$URW/URWGothic-Demi.otf")

QUIET=(-hide_banner -loglevel error -nostdin -y)
BITEXACT=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)

PEN=0x1f2f8a      # blue ballpoint
PENCIL=0x4b4b4b   # graphite
INK=0x222222      # printed text
RULE=0xb9b9b9     # answer lines

# --- small filter builders ------------------------------------------------------------------
# drawtext reads its text from a file so that quotes, colons and commas need no escaping.
text_file() { local f; f=$(mktemp -p "$TMP" text.XXXXXX); printf '%s' "$1" >"$f"; printf '%s' "$f"; }
# txt FONT SIZE COLOUR X Y TEXT [EXTRA_OPTIONS]
txt() {
  printf 'drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=%s:fontcolor=%s:x=%s:y=%s%s' \
    "$1" "$(text_file "$6")" "$2" "$3" "$4" "$5" "${7:+:$7}"
}
# box X Y W H COLOUR [THICKNESS|fill]
box() { printf 'drawbox=x=%s:y=%s:w=%s:h=%s:color=%s:t=%s' "$1" "$2" "$3" "$4" "$5" "${6:-fill}"; }
join() { local IFS=,; printf '%s' "$*"; }
# A phone photo of a sheet on a desk: slight sensor noise, a small tilt, darker corners.
photo_look() { printf 'noise=alls=4:allf=u:all_seed=%s,rotate=%s*PI/180:fillcolor=0x5e4b3c,vignette=PI/7' "$1" "$2"; }

# still OUT SIZE BACKGROUND FILTER... : one frame; JPEG or PNG by extension.
still() {
  local out=$1 size=$2 bg=$3
  shift 3
  local codec=(-q:v 4 -pix_fmt yuvj420p)
  [[ $out == *.png ]] && codec=(-pix_fmt rgb24 -compression_level 9)
  ffmpeg "${QUIET[@]}" -f lavfi -i "color=c=$bg:s=$size:d=1" -vf "$(join "$@")" -frames:v 1 \
    "${codec[@]}" "${BITEXACT[@]}" "$OUT/$out"
}

# --- exit-ticket handouts (540x700) -----------------------------------------------------------
# Row k spans y = 130+40k .. 170+40k (mirrored in media-geometry.ts). Items:
#   Q:text  printed question          A:text  handwritten answer on a ruled line
#   L:      empty ruled line          -       empty row
ROW0=130
ROWH=40
rows_filters() { # FONT COLOUR SIZE ITEM...
  local font=$1 colour=$2 size=$3
  shift 3
  local k=0 y item
  for item in "$@"; do
    y=$((ROW0 + ROWH * k))
    case $item in
      Q:*) txt "$SANS" 15 "$INK" 40 $((y + 14)) "${item#Q:}"; echo ;;
      A:*)
        box 56 $((y + 37)) 444 1 "$RULE"; echo
        # Handwriting never starts at the same x twice; a small per-row drift looks less typeset.
        txt "$font" "$size" "$colour" $((62 + (k * 7) % 13)) $((y + 8)) "${item#A:}"; echo ;;
      L:) box 56 $((y + 37)) 444 1 "$RULE"; echo ;;
    esac
    k=$((k + 1))
  done
}

# handout OUT TITLE SUBTITLE CODE FONT COLOUR SIZE SEED TILT ITEM...
handout() {
  local out=$1 title=$2 subtitle=$3 code=$4 font=$5 colour=$6 size=$7 seed=$8 tilt=$9
  shift 9
  local filters=()
  mapfile -t filters < <(rows_filters "$font" "$colour" "$size" "$@")
  still "$out" 540x700 0xfbfaf4 \
    "$(txt "$BOLD" 20 "$INK" 40 26 "$title")" \
    "$(txt "$SANS" 13 0x555555 40 56 "$subtitle")" \
    "$(txt "$SANS" 14 "$INK" 40 92 "Student code:")" \
    "$(box 142 110 120 1 "$RULE")" \
    "$(txt "$font" 24 "$colour" 152 84 "$code")" \
    "$(box 20 12 500 2 0xdddddd)" \
    "${filters[@]}" \
    "$(photo_look "$seed" "$tilt")"
}

# Notebook paper for written paragraphs: the same row grid, every row ruled, a red margin.
notebook() { # OUT HEADER FONT COLOUR SEED TILT LINE...
  local out=$1 header=$2 font=$3 colour=$4 seed=$5 tilt=$6
  shift 6
  local filters=() k=0 line
  for line in "$@"; do
    filters+=("$(txt "$font" 23 "$colour" $((70 + (k * 5) % 9)) $((ROW0 + ROWH * k + 9)) "$line")")
    k=$((k + 1))
  done
  still "$out" 540x700 0xfbfaf4 \
    "drawgrid=x=-10:y=$((ROW0 + 37)):w=600:h=$ROWH:t=1:c=0x9ec5e8@0.9" \
    "$(box 58 0 2 700 0xe08a8a)" \
    "$(txt "$font" 24 "$colour" 70 70 "$header")" \
    "${filters[@]}" \
    "$(photo_look "$seed" "$tilt")"
}

make_grade7_sheets() {
  local title="Exit Ticket - Unit Rates" sub="Grade 7 Math  |  Period 3  |  Tuesday 9/15"
  local q1a="Q:1. Maya walks 1/2 mile every 1/4 hour. How far does she"
  local q1b="Q:    walk in 1 hour? Show your work."
  local q2a="Q:2. Which is the better buy: 3 lb of apples for \$4.20"
  local q2b="Q:    or 5 lb for \$6.50? Show how you know."
  local q3="Q:3. In words, what does your answer to #1 mean?"
  handout g7-exit-ticket-s04.jpg "$title" "$sub" S04 "$PEN_FONT" "$PEN" 25 21 0.6 \
    "$q1a" "$q1b" "A:1/2 ÷ 1/4 = 2      2 miles per hour" - \
    "$q2a" "$q2b" "A:4.20 ÷ 3 = 1.40 per lb    6.50 ÷ 5 = 1.30 per lb" \
    "A:5 lb is the better buy, it costs less for each pound" - \
    "$q3" "A:She walks 2 miles in one hour if she keeps the" "A:same speed the whole time."
  handout g7-exit-ticket-s09.jpg "$title" "$sub" S09 "$PENCIL_FONT" "$PENCIL" 22 22 -0.8 \
    "$q1a" "$q1b" "A:1/4 ÷ 1/2 = 1/2     1/2 mile" - \
    "$q2a" "$q2b" "A:4.20 is less than 6.50 so the 3 lb" L: - \
    "$q3" "A:it means she walks half a mile" L:
  handout g7-exit-ticket-s17.jpg "$title" "$sub" S17 "$PEN_FONT" 0x202020 25 23 0.4 \
    "$q1a" "$q1b" "A:1/2 ÷ 1/4 = 2" - \
    "$q2a" "$q2b" "A:1.40   1.30   the 5 lb" L: - \
    "$q3" "A:the answer is 2 because you divide" L:
}

make_grade4_sheets() {
  local title="Exit Ticket - Main Idea" sub="Grade 4 Reading  |  Room 8  |  'Sea Otters' (p. 2)"
  local q1="Q:1. What is the main idea of the passage?"
  local q2a="Q:2. Write two details from the passage that support"
  local q2b="Q:    the main idea."
  handout g4-exit-ticket-s03.jpg "$title" "$sub" S03 "$PENCIL_FONT" "$PENCIL" 20 31 -0.5 \
    "$q1" "A:Sea otters have special ways to stay warm" "A:and find food in the cold ocean." - \
    "$q2a" "$q2b" "A:1. They have the thickest fur of any animal." \
    "A:2. They use rocks as tools to crack shells." "A:3. They eat a lot so their body stays warm."
  handout g4-exit-ticket-s11.jpg "$title" "$sub" S11 "$PENCIL_FONT" "$PENCIL" 24 32 0.7 \
    "$q1" "A:Sea otters" L: - \
    "$q2a" "$q2b" "A:1. they are cute" "A:2. they live in the ocean" L:
  handout g4-exit-ticket-s20.jpg "$title" "$sub" S20 "$PEN_FONT" "$PEN" 25 33 -0.3 \
    "$q1" "A:Sea otters use rocks to open clams." L: - \
    "$q2a" "$q2b" "A:1. They float on there backs." "A:2. they hold hands when they sleep" L:
}

# place_value_sheet CODE RODS UNITS ANSWER VALUE SEED TILT: a grade 2 check-in with base-ten
# blocks drawn in rows 1-4 (y 170-330): RODS tens and UNITS ones, as the child drew them.
place_value_sheet() {
  local code=$1 rods=$2 units=$3 answer=$4 value=$5 seed=$6 tilt=$7
  local blocks=() rowf=() i
  for ((i = 0; i < rods; i++)); do
    blocks+=("$(box $((70 + i * 30)) 186 16 128 "$PENCIL" 2)" "$(box $((70 + i * 30)) 250 16 2 "$PENCIL")")
  done
  for ((i = 0; i < units; i++)); do
    blocks+=("$(box $((90 + rods * 30 + (i % 3) * 24)) $((250 + (i / 3) * 24)) 15 15 "$PENCIL" 2)")
  done
  mapfile -t rowf < <(rows_filters "$PENCIL_FONT" "$PENCIL" 26 \
    "Q:1. Show 46 using tens and ones. Draw your blocks." - - - - \
    "A:$answer" "Q:2. What is the value of the 4 in 46?" "A:$value")
  still "g2-place-value-${code,,}.jpg" 540x700 0xfbfaf4 \
    "$(txt "$BOLD" 20 "$INK" 40 26 "Check-in - Tens and Ones")" \
    "$(txt "$SANS" 13 0x555555 40 56 "Grade 2 Math  |  Room 104  |  Math block, Thursday")" \
    "$(txt "$SANS" 14 "$INK" 40 92 "Student code:")" \
    "$(box 142 110 120 1 "$RULE")" \
    "$(txt "$PENCIL_FONT" 24 "$PENCIL" 152 84 "$code")" \
    "$(box 40 172 460 156 0xcccccc 1)" \
    "${blocks[@]}" "${rowf[@]}" \
    "$(photo_look "$seed" "$tilt")"
}

make_grade2_sheets() {
  place_value_sheet S02 4 6 "4 tens and 6 ones = 46" 40 41 0.5
  place_value_sheet S08 6 4 "6 tens and 4 ones" 4 42 -0.6
  place_value_sheet S15 4 6 "4 tens 6 ones" 4 43 0.3
}

make_grade10_paragraphs() {
  notebook g10-paragraph-s05.jpg "S05   Per. 2   Body paragraph draft" "$PEN_FONT" "$PEN" 51 0.5 \
    "Starting school at 8:45 would help students" \
    "learn more. According to the AAP article," \
    "teenagers need 8 to 10 hours of sleep, but" \
    "their body clocks make it hard to fall asleep" \
    "before 11 pm. If the bell rings at 7:20, most" \
    "of us are short on sleep before we even start." \
    "This matters because a tired brain cannot" \
    "focus or remember, so the early start is" \
    "working against the learning school is for." \
    "Some say buses cost more, but the district" \
    "study shows the change would cost less than 1%."
  notebook g10-paragraph-s12.jpg "S12   period 2   paragraph" "$PENCIL_FONT" "$PENCIL" 52 -0.7 \
    "School should start later. Source 2 says" \
    "\"73% of high school students do not get" \
    "enough sleep on school nights.\" Also the" \
    "AAP says teens need 8-10 hours of sleep." \
    "So school should start later." "" \
    "Another reason is sports. Practice goes late" \
    "and then there is homework."
  notebook g10-paragraph-s21.jpg "S21 - Per 2" "$PEN_FONT" 0x202020 53 0.3 \
    "I think school should start later because" \
    "I am always tired in first period and so" \
    "are my friends. Nobody can pay attention" \
    "at 7:20 in the morning. If school started" \
    "later everyone would be happier and get" \
    "better grades. It just makes sense."
}

make_grade9_boards() { # mini whiteboards held up after the hinge question
  local code letter arrow l1 l2 l3 colour seed tilt
  while IFS='|' read -r code letter arrow l1 l2 l3 colour seed tilt; do
    still "g9-whiteboard-${code,,}.jpg" 540x400 0x3d3f44 \
      "$(box 26 24 488 352 0x202020)" "$(box 34 32 472 336 0xf4f6f6)" \
      "$(txt "$MARKER_FONT" 22 0x555555 52 44 "$code")" \
      "$(txt "$MARKER_FONT" 92 "$colour" 60 80 "$letter")" \
      "$(box 180 120 110 80 "$colour" 4)" \
      "$(txt "$MARKER_FONT" 18 "$colour" 196 150 "cell")" \
      "$(txt "$SANS" 24 "$colour" 300 144 "$arrow")" \
      "$(txt "$MARKER_FONT" 22 "$colour" 60 236 "$l1")" \
      "$(txt "$MARKER_FONT" 22 "$colour" 60 276 "$l2")" \
      "$(txt "$MARKER_FONT" 22 "$colour" 60 316 "$l3")" \
      "$(photo_look "$seed" "$tilt")"
  done <<'BOARDS'
S06|B|H2O →|water leaves the cell|more solute outside = less water|so the cell shrinks|0x1d3f9e|61|0.8
S14|C|← salt|salt goes in the cell|high to low concentration|cell swells up|0x9e1d2c|62|-0.6
S22|A|← H2O|water moves in|to the less salty side|so the cell gets bigger|0x1d7a3a|63|0.4
BOARDS
}

make_grade5_food_webs() {
  # Columns at x = 50, 210, 370 (boxes 120x44); rows at y = 210 (predators), 360, 510 (plants).
  local code dir sun decomposer seed tilt note
  while IFS='|' read -r code dir sun decomposer seed tilt note; do
    local f=() head
    [ "$dir" = up ] && head="▲" || head="▼"
    local names=("Hawk:50:210" "Fox:370:210" "Frog:50:360" "Rabbit:210:360" "Mouse:370:360"
      "Grasshopper:50:510" "Grass:210:510" "Clover:370:510")
    local n name x y
    for n in "${names[@]}"; do
      IFS=: read -r name x y <<<"$n"
      f+=("$(box "$x" "$y" 130 44 "$PENCIL" 2)" "$(txt "$PENCIL_FONT" 18 "$PENCIL" $((x + 8)) $((y + 12)) "$name")")
    done
    # Vertical arrows between stacked boxes: the head shows which way the child thinks energy goes.
    local a ax y1 y2 hy
    for a in "110:404:510" "110:254:360" "430:404:510" "430:254:360" "270:404:510"; do
      IFS=: read -r ax y1 y2 <<<"$a"
      f+=("$(box "$ax" "$y1" 2 $((y2 - y1)) "$PENCIL")")
      if [ "$dir" = up ]; then hy=$((y1 - 2)); else hy=$((y2 - 18)); fi
      f+=("$(txt "$SANS" 16 "$PENCIL" $((ax - 6)) "$hy" "$head")")
    done
    # Rabbit -> Fox and Rabbit -> Hawk as elbows over the top of the middle row.
    f+=("$(box 270 320 2 40 "$PENCIL")" "$(box 170 320 302 2 "$PENCIL")")
    f+=("$(box 170 256 2 64 "$PENCIL")" "$(box 470 256 2 64 "$PENCIL")")
    if [ "$dir" = up ]; then
      f+=("$(txt "$SANS" 16 "$PENCIL" 164 252 "$head")" "$(txt "$SANS" 16 "$PENCIL" 464 252 "$head")")
    else
      f+=("$(txt "$SANS" 16 "$PENCIL" 264 342 "$head")")
    fi
    if [ "$sun" = yes ]; then
      f+=("$(txt "$PENCIL_FONT" 22 0xb07a00 236 640 "SUN")" "$(box 270 556 2 80 0xb07a00)")
      f+=("$(txt "$SANS" 16 0xb07a00 264 552 "▲")")
    fi
    if [ "$decomposer" = yes ]; then
      f+=("$(box 370 596 130 44 "$PENCIL" 2)" "$(txt "$PENCIL_FONT" 18 "$PENCIL" 380 608 "Mushrooms")")
      f+=("$(txt "$PENCIL_FONT" 15 "$PENCIL" 362 646 "break down dead things")")
    fi
    f+=("$(txt "$PENCIL_FONT" 18 "$PEN" 40 172 "$note")")
    still "g5-food-web-${code,,}.jpg" 540x700 0xfbfaf4 \
      "$(txt "$BOLD" 20 "$INK" 40 26 "Meadow Food Web - Check Point")" \
      "$(txt "$SANS" 13 0x555555 40 56 "Grade 5 Science  |  Room 12  |  Ecosystems unit, lesson 6")" \
      "$(txt "$SANS" 13 "$INK" 40 86 "Draw a food web using the organisms on your card. Use arrows to")" \
      "$(txt "$SANS" 13 "$INK" 40 104 "show the direction ENERGY flows.")" \
      "$(txt "$SANS" 14 "$INK" 40 136 "Student code:")" "$(box 142 154 120 1 "$RULE")" \
      "$(txt "$PENCIL_FONT" 22 "$PENCIL" 152 128 "$code")" \
      "${f[@]}" \
      "$(photo_look "$seed" "$tilt")"
  done <<'WEBS'
S07|up|yes|yes|71|0.5|Energy goes from the food to the animal that eats it.
S13|down|yes|no|72|-0.7|The arrows show who eats who.
S24|up|no|no|73|0.3|The energy starts in the grass.
WEBS
}

make_classroom_artifacts() {
  # Grade 7 whiteboard: the double number line the teacher drew during the debrief.
  local ticks=() i labels_top=("0" "1/4" "1/2" "3/4" "1") labels_bottom=("0" "1/2" "1" "1 1/2" "2")
  for i in 0 1 2 3 4; do
    ticks+=("$(box $((80 + i * 120)) 196 3 22 0x1d4fa0)" "$(box $((80 + i * 120)) 286 3 22 0xb3261e)")
    ticks+=("$(txt "$MARKER_FONT" 20 0x1d4fa0 $((70 + i * 120)) 168 "${labels_top[$i]}")")
    ticks+=("$(txt "$MARKER_FONT" 20 0xb3261e $((70 + i * 120)) 314 "${labels_bottom[$i]}")")
  done
  still g7-whiteboard-double-number-line.png 640x400 0xd9d6cc \
    "$(box 10 10 620 380 0x9a9a9a)" "$(box 16 16 608 368 0xfafafa)" \
    "$(txt "$MARKER_FONT" 26 0x222222 34 30 "Unit rate = how much for ONE")" \
    "$(txt "$MARKER_FONT" 20 0x1f7a3a 34 70 "Label it!  miles per hour  vs  hours per mile")" \
    "$(txt "$MARKER_FONT" 18 0x1d4fa0 34 120 "hours")" "$(box 80 206 484 3 0x1d4fa0)" \
    "$(txt "$MARKER_FONT" 18 0xb3261e 34 256 "miles")" "$(box 80 296 484 3 0xb3261e)" \
    "${ticks[@]}" \
    "$(box 538 150 52 190 0x1f7a3a 3)" \
    "$(txt "$MARKER_FONT" 16 0x1f7a3a 470 350 "1 hour = 2 miles")"

  # Grade 4 anchor chart: the "table" model (main idea = tabletop, details = legs).
  still g4-anchor-chart-main-idea.jpg 640x480 0x8c8f84 \
    "$(box 60 10 520 460 0xfbfbf3)" \
    "$(txt "$MARKER_FONT" 40 0x7b2d8e 200 24 "MAIN IDEA")" \
    "$(txt "$MARKER_FONT" 18 0x1d4fa0 86 86 "TOPIC = who or what (1-2 words)")" \
    "$(txt "$MARKER_FONT" 18 0xb3261e 86 118 "MAIN IDEA = what the author says ABOUT the topic")" \
    "$(txt "$MARKER_FONT" 18 0x1f7a3a 86 150 "DETAILS = proof that holds the main idea up")" \
    "$(box 140 230 360 44 0x8b5a2b)" \
    "$(txt "$MARKER_FONT" 22 white 232 240 "main idea")" \
    "$(box 160 274 20 130 0x8b5a2b)" "$(box 310 274 20 130 0x8b5a2b)" "$(box 460 274 20 130 0x8b5a2b)" \
    "$(txt "$MARKER_FONT" 18 0x1f7a3a 128 414 "detail")" "$(txt "$MARKER_FONT" 18 0x1f7a3a 284 414 "detail")" \
    "$(txt "$MARKER_FONT" 18 0x1f7a3a 436 414 "detail")" \
    "$(txt "$MARKER_FONT" 16 0x555555 86 196 "Ask: Could the whole passage fit under this sentence?")" \
    "$(photo_look 81 -0.4)"

  # Grade 9 hinge-question slide, as projected.
  still g9-hinge-question-slide.png 640x360 white \
    "$(box 0 0 640 56 0x0f5e63)" \
    "$(txt "$BOLD" 22 white 24 16 "Hinge question - boards up on my signal")" \
    "$(txt "$SANS" 17 0x222222 24 76 "A red blood cell is placed in a 3% salt solution.")" \
    "$(txt "$SANS" 17 0x222222 24 100 "(Inside the cell is about 0.9% salt.) What happens?")" \
    "$(txt "$SANS" 17 0x222222 40 146 "A   Water moves into the cell and it swells.")" \
    "$(txt "$SANS" 17 0x222222 40 182 "B   Water moves out of the cell and it shrinks.")" \
    "$(txt "$SANS" 17 0x222222 40 218 "C   Salt moves into the cell and it swells.")" \
    "$(txt "$SANS" 17 0x222222 40 254 "D   Nothing: the membrane keeps water in.")" \
    "$(box 0 316 640 44 0xe8f1f1)" \
    "$(txt "$SANS" 14 0x0f5e63 24 330 "30 seconds to think. Write ONE letter + ONE reason. 3 - 2 - 1 ...")"
}

# --- videos ---------------------------------------------------------------------------------
# classroom_video OUT SECONDS TITLE WALL VOICE_HZ BOARD_FILTERS EXTRA_FILTERS CAPTION...
# CAPTION is "start|end|text". The scene is the back of a classroom: a board, a moving teacher,
# six students whose heads bob a little, a title bar with a running timestamp, and captions.
classroom_video() {
  local out=$1 secs=$2 title=$3 wall=$4 voice=$5 board=$6 extra=$7
  shift 7
  local caps=() c start end text
  for c in "$@"; do
    IFS='|' read -r start end text <<<"$c"
    caps+=("$(txt "$SANS" 12 white 8 221 "$text" "enable='between(t,$start,$end)'")")
  done
  local circle="format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='if(lt(hypot(X-11,Y-11),11),255,0)'"
  local graph="$TMP/graph.txt"
  # Hand the audio encoder whole frames (Opus wants 20 ms, AAC 1024 samples) so it never rejects one.
  local frame=960
  [[ $out == *.mp4 ]] && frame=1024
  cat >"$graph" <<GRAPH
color=c=$wall:s=426x240:r=24:d=$secs,
  $(box 150 18 250 112 0xfafafa),$(box 150 18 250 112 0x8a8a8a 2),
  $board,
  $(box 12 40 80 70 0xa7c7e7),$(box 12 40 80 70 0x6d6d6d 2),$(box 51 40 2 70 0x6d6d6d),
  $(box 0 172 426 68 0x8a6d4b),
  $(box 24 160 34 14 0x5b7fa6),$(box 89 160 34 14 0xa65b5b),$(box 154 160 34 14 0x6aa65b),
  $(box 219 160 34 14 0xd0a040),$(box 284 160 34 14 0x7a5ba6),$(box 349 160 34 14 0x5ba6a0) [room];
color=c=0x2d6a8f:s=28x64:r=24:d=$secs,format=rgba [body];
color=c=0xc99b7a:s=22x22:r=24:d=$secs,$circle [thead];
color=c=0x2b1d14:s=22x22:r=24:d=$secs,$circle,split=3 [h1][h2][h3];
color=c=0x6b4423:s=22x22:r=24:d=$secs,$circle,split=3 [h4][h5][h6];
[room][body] overlay=x='70+50*sin(t/3.7)':y=96 [s0];
[s0][thead] overlay=x='73+50*sin(t/3.7)':y=74 [s1];
[s1][h1] overlay=x=30:y='142+2*sin(t*2.1)' [s2];
[s2][h4] overlay=x=95:y='144+2*sin(t*1.7+1)' [s3];
[s3][h2] overlay=x=160:y='141+2*sin(t*2.4+2)' [s4];
[s4][h5] overlay=x=225:y='143+2*sin(t*1.9+3)' [s5];
[s5][h3] overlay=x=290:y='142+2*sin(t*2.2+4)' [s6];
[s6][h6] overlay=x=355:y='144+2*sin(t*1.6+5)' [s7];
[s7] $extra,
  $(box 0 0 426 18 black@0.55),
  $(txt "$SANS" 11 white 6 3 "$title"),
  drawtext=fontfile=$MONO:text='%{pts\:hms}':fontsize=11:fontcolor=white:x=w-tw-6:y=3,
  $(txt "$SANS" 10 0xff5050 6 24 "● REC" "enable='lt(mod(t,1),0.6)'"),
  $(box 0 214 426 26 black@0.6),
  $(join "${caps[@]}") [v];
aevalsrc=exprs='0.12*sin(2*PI*t*($voice+28*sin(2*PI*0.9*t)))*pow(sin(PI*3.1*t),2)*gt(sin(2*PI*0.21*t),-0.4)':s=48000:d=$secs [voice];
anoisesrc=color=pink:amplitude=0.012:seed=42:r=48000:d=$secs [room_tone];
[voice][room_tone] amix=inputs=2:normalize=0,lowpass=f=3400,highpass=f=90,asetnsamples=n=$frame:p=0 [a]
GRAPH
  local enc
  if [[ $out == *.mp4 ]]; then
    enc=(-c:v libx264 -profile:v main -pix_fmt yuv420p -preset medium -crf 30 -tune animation
      -c:a aac -b:a 40k -ac 1 -movflags +faststart)
  else
    enc=(-c:v libvpx-vp9 -pix_fmt yuv420p -b:v 0 -crf 40 -deadline good -cpu-used 2 -row-mt 0
      -c:a libopus -b:a 32k -ac 1 -cues_to_front 1)
  fi
  ffmpeg "${QUIET[@]}" -filter_complex_script "$graph" -map '[v]' -map '[a]' \
    -g 48 -keyint_min 48 -sc_threshold 0 -threads 1 "${enc[@]}" "${BITEXACT[@]}" "$OUT/$out"
}

board_text() { # LINE... : marker text on the board, 16 px apart from y=26
  local k=0 line out=()
  for line in "$@"; do
    out+=("$(txt "$SANS" 11 0x1d4fa0 158 $((26 + 16 * k)) "$line")")
    k=$((k + 1))
  done
  join "${out[@]}"
}
# Mini whiteboards raised above the students' heads during a window: "LETTER" per student.
boards_up() { # START END LETTER...
  local start=$1 end=$2 k=0 l out=()
  shift 2
  for l in "$@"; do
    out+=("$(box $((26 + 65 * k)) 110 30 24 0xf4f6f6 "fill"):enable='between(t,$start,$end)'")
    out+=("$(txt "$BOLD" 14 0x1d3f9e $((36 + 65 * k)) 114 "$l" "enable='between(t,$start,$end)'")")
    k=$((k + 1))
  done
  join "${out[@]}"
}

make_videos() {
  classroom_video g7-math-exit-ticket-discussion.mp4 36 \
    "Grade 7 Math · Period 3 · exit ticket discussion" 0xcfc6a8 150 \
    "$(board_text "Exit ticket #1: 1/2 mi every 1/4 hr" "Is it 1/2 or 2 ?" "hours |--1/4--1/2--3/4--1" "miles |--1/2--1--1 1/2--2")" \
    "$(box 92 128 10 16 0xc99b7a):enable='between(t,14,21)'" \
    "0|7|T: Yesterday's exit tickets gave two answers for #1." \
    "7|14|T: Turn and talk: is it 1/2 or 2? What would each number mean?" \
    "14|21|S: She walks 1/2 mile every quarter hour, four quarters in an hour..." \
    "21|28|S: ...so 2 miles in one hour. 1/2 would be hours for one mile." \
    "28|36|T: So which quantity is 'per one'? Label the rate before you divide."
  classroom_video g4-reading-main-idea-small-group.webm 34 \
    "Grade 4 Reading · Small group B · main idea reteach" 0xb9cdb4 210 \
    "$(board_text "MAIN IDEA" "topic = who/what" "main idea = what the author" "   says ABOUT the topic" "details = the table legs")" \
    "$(box 222 128 10 16 0xc99b7a):enable='between(t,21,28)'" \
    "0|7|T: Your exit ticket said the main idea was 'sea otters.' Topic or main idea?" \
    "7|14|S: It's who it's about... so it's the topic." \
    "14|21|T: So what does the author say ABOUT sea otters? Check the tabletop." \
    "21|28|S: They have ways to stay warm and get food in cold water." \
    "28|34|T: Now find two legs for that tabletop in paragraph 2."
  classroom_video g9-biology-osmosis-hinge-question.webm 38 \
    "Grade 9 Biology · Period 5 · osmosis hinge question" 0xc4cbd6 170 \
    "$(board_text "Hinge Q: red blood cell in 3% salt" "A water in, swells   B water out, shrinks" "C salt in, swells    D nothing happens" "Boards up: 3 - 2 - 1")" \
    "$(boards_up 1 12 B C B B A B),$(boards_up 27 38 A A A C A A)" \
    "0|6|T: Boards up in 3, 2, 1. A, B, C or D?" \
    "6|12|(Teacher scans the boards: mostly B, one C, one A)" \
    "12|19|T: I see some C. Let's test it: can salt cross this membrane?" \
    "19|27|S: No, only the water can, so the water leaves the cell." \
    "27|38|T: Round two: same cell, now in distilled water. Boards up."
  classroom_video g5-science-food-web-plc.mp4 40 \
    "Grade 5 Team · PLC · looking at student work" 0xd6cdb8 190 \
    "$(board_text "Looking at student work" "1 Describe (no judging)" "2 Interpret: what do they think?" "3 Implications for teaching" "Samples: S07  S13  S24")" \
    "$(box 110 176 60 40 0xfbfaf4),$(box 200 180 60 40 0xfbfaf4),$(box 290 176 60 40 0xfbfaf4)" \
    "0|8|T1: Describe only first. What do you notice in the food webs?" \
    "8|16|T2: Eleven of them drew the arrow from the fox to the rabbit." \
    "16|24|T3: So they read the arrow as 'eats', not 'energy goes to'." \
    "24|32|T1: Implication: reteach arrows with the energy-flow card sort." \
    "32|40|T2: Then we re-sort these same three samples after the lesson."
}

# A phone voice memo after a writing conference: one speaker, pauses, a little room hiss.
make_voice_memo() {
  ffmpeg "${QUIET[@]}" -filter_complex "
    aevalsrc=exprs='0.2*sin(2*PI*t*(185+35*sin(2*PI*0.7*t)+12*sin(2*PI*5*t)))*pow(sin(PI*2.7*t),2)*gt(sin(2*PI*0.17*t+0.8),-0.5)':s=48000:d=20 [voice];
    anoisesrc=color=brown:amplitude=0.01:seed=7:r=48000:d=20 [hiss];
    [voice][hiss] amix=inputs=2:normalize=0,highpass=f=120,lowpass=f=3800,afade=t=in:d=0.3,afade=t=out:st=19.5:d=0.5,asetnsamples=n=960:p=0 [a]" \
    -map '[a]' -c:a libopus -b:a 24k -ac 1 -application voip -threads 1 "${BITEXACT[@]}" \
    "$OUT/g10-writing-conference-memo.ogg"
}

rm -f "$OUT"/*.jpg "$OUT"/*.png "$OUT"/*.mp4 "$OUT"/*.webm "$OUT"/*.ogg
make_classroom_artifacts
make_grade7_sheets
make_grade4_sheets
make_grade2_sheets
make_grade9_boards
make_grade10_paragraphs
make_grade5_food_webs
make_videos
make_voice_memo
du -ch "$OUT"/* | tail -n 1
