import type { PixelRect } from './spec';

/*
 * Pixel geometry of the student-work images drawn by scripts/make-demo-media.sh, so annotation
 * boxes in the PDFs land on the handwriting they comment on. Change both files together.
 */

/** Handouts and notebook pages: 540x700, row k spans y = 130 + 40k to 170 + 40k. */
const ROW0 = 130;
const ROW_HEIGHT = 40;

/** Rows `first`..`first + count - 1` of a handout or notebook page, across the writing area. */
export function rows(first: number, count = 1, x = 40, width = 470): PixelRect {
  return { x, y: ROW0 + ROW_HEIGHT * first - 2, width, height: ROW_HEIGHT * count + 4 };
}

/** The student-code line at the top of a handout. */
export const CODE_LINE: PixelRect = { x: 36, y: 80, width: 240, height: 36 };

/** Grade 2 place-value sheets: the drawing box under question 1. */
export const BLOCKS_AREA: PixelRect = { x: 40, y: 172, width: 460, height: 156 };

/** Grade 9 mini whiteboards (540x400). */
export const BOARD = {
  letter: { x: 50, y: 78, width: 90, height: 110 },
  diagram: { x: 172, y: 112, width: 220, height: 96 },
  /** Handwritten line 0, 1 or 2 under the diagram. */
  line: (k: number): PixelRect => ({ x: 50, y: 230 + 40 * k, width: 440, height: 38 }),
} as const;

/** Grade 5 food webs: organism boxes in three columns and three rows. */
const WEB_COLUMNS = [50, 210, 370] as const;
const WEB_ROWS = [210, 360, 510] as const;
export const FOOD_WEB = {
  /** The box in column c (0-2) and row r (0 = predators, 2 = plants), with a margin. */
  box: (c: 0 | 1 | 2, r: 0 | 1 | 2): PixelRect => ({
    x: WEB_COLUMNS[c] - 6,
    y: WEB_ROWS[r] - 6,
    width: 142,
    height: 56,
  }),
  /** The arrows between the plant row and the consumer row. */
  lowerArrows: { x: 90, y: 396, width: 370, height: 120 },
  /** The elbow arrows from the rabbit up to the hawk and the fox. */
  elbows: { x: 150, y: 240, width: 340, height: 96 },
  note: { x: 34, y: 164, width: 480, height: 34 },
  sunAndDecomposers: { x: 220, y: 540, width: 300, height: 140 },
} as const;
