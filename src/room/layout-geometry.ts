/**
 * Where the slots of each named layout sit on the canvas, in percent of its width and height.
 * Pure. Responsive layouts look at the canvas size only through whole numbers (how many columns,
 * how many tiles a strip holds), so resizing changes the layout only when those change.
 */

/** SignalWire's layout names (`getLayouts()`), plus `screen-share`. */
export const LAYOUT_NAMES = ['1x1', '2x1', '2x2', '3x3', '4x4', '5x5', '5up', 'grid-responsive', 'highlight-1-responsive', 'screen-share'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** A slot's name: the n-th reserved (large) or standard position of the layout (SignalWire `VideoPosition`). */
export type SlotPosition = `reserved-${number}` | `standard-${number}`;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Slot extends Rect {
  readonly position: SlotPosition;
}

/** The canvas, in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** SignalWire's canvas, used until the real size is known. */
export const DEFAULT_SIZE: Size = { width: 1280, height: 720 };

const FULL: Rect = { x: 0, y: 0, width: 100, height: 100 };
const TILE_ASPECT = 16 / 9;

const round = (value: number) => Math.round(value * 1e4) / 1e4;
const rect = (x: number, y: number, width: number, height: number): Rect => ({ x: round(x), y: round(y), width: round(width), height: round(height) });

/** `count` cells of a `columns` x `rows` grid over `area`, row by row; a short last row is centred. */
function cells(columns: number, rows: number, area: Rect, count = columns * rows): Rect[] {
  const width = area.width / columns;
  const height = area.height / rows;
  const out: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / columns);
    const inRow = Math.min(columns, count - row * columns);
    const indent = ((columns - inRow) * width) / 2;
    out.push(rect(area.x + indent + (i % columns) * width, area.y + row * height, width, height));
  }
  return out;
}

/**
 * The column count that shows `count` 16:9 tiles largest on a canvas of `size`; on a tie, side by
 * side on a landscape canvas (two people on a 16:9 screen), stacked on a portrait one.
 */
export function bestColumns(count: number, size: Size): number {
  const landscape = size.width >= size.height;
  let best = 1;
  let largest = 0;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const tileWidth = Math.min(size.width / columns, (size.height / rows) * TILE_ASPECT);
    if (tileWidth > largest + 1e-6 || (landscape && tileWidth > largest - 1e-6)) [best, largest] = [columns, tileWidth];
  }
  return best;
}

const standard = (areas: readonly Rect[]): Slot[] => areas.map((area, i) => ({ ...area, position: `standard-${i + 1}` as const }));
const reserved = (area: Rect, n = 1): Slot => ({ ...area, position: `reserved-${n}` as const });

/**
 * One large slot and a strip of small ones for the others: below it on a landscape canvas
 * (`highlight`) or beside it (`screen-share`, a share reads best tall), below it on a portrait one.
 * The strip holds as many 16:9 tiles as fit.
 */
function featured(count: number, size: Size, stripBeside: boolean): Slot[] {
  const others = Math.max(0, count - 1);
  const portrait = size.height > size.width;
  if (stripBeside && !portrait) {
    const stripWidth = 20;
    const tileHeight = ((size.width * stripWidth) / 100) / TILE_ASPECT;
    const capacity = Math.max(1, Math.floor(size.height / tileHeight));
    const strip = cells(1, capacity, { x: 100 - stripWidth, y: 0, width: stripWidth, height: 100 }, Math.min(others, capacity));
    return [reserved(rect(0, 0, 100 - stripWidth, 100)), ...standard(strip)];
  }
  const stripHeight = portrait ? 30 : 20;
  const tileWidth = ((size.height * stripHeight) / 100) * TILE_ASPECT;
  const capacity = Math.max(1, Math.floor(size.width / tileWidth));
  // The strip keeps whole cells (100 / capacity wide), centred, whatever the number of others.
  const shown = Math.min(others, capacity);
  const cellWidth = 100 / capacity;
  const strip = Array.from({ length: shown }, (_, i) => rect((100 - shown * cellWidth) / 2 + i * cellWidth, 100 - stripHeight, cellWidth, stripHeight));
  return [reserved(rect(0, 0, 100, 100 - stripHeight)), ...standard(strip)];
}

/** 5up: one large slot over two thirds of the canvas, five small ones around it. */
function fiveUp(): Slot[] {
  const third = 100 / 3;
  return [
    reserved(rect(0, 0, 2 * third, 2 * third)),
    ...standard([rect(2 * third, 0, third, third), rect(2 * third, third, third, third), ...cells(3, 1, rect(0, 2 * third, 100, third))]),
  ];
}

const FIXED_GRIDS: Partial<Record<LayoutName, readonly [columns: number, rows: number]>> = {
  '1x1': [1, 1],
  '2x1': [2, 1],
  '2x2': [2, 2],
  '3x3': [3, 3],
  '4x4': [4, 4],
  '5x5': [5, 5],
};

/**
 * The slots of layout `name` for `count` members on a canvas of `size`: reserved (large) slots
 * first, then standard ones. Fixed grids and 5up have their slots whatever the count.
 */
export function slotsOf(name: LayoutName, count: number, size: Size): Slot[] {
  const grid = FIXED_GRIDS[name];
  if (grid) return standard(cells(grid[0], grid[1], FULL));
  if (name === '5up') return fiveUp();
  if (name === 'highlight-1-responsive') return featured(count, size, false);
  if (name === 'screen-share') return featured(count, size, true);
  if (count === 0) return [];
  const columns = bestColumns(count, size);
  return standard(cells(columns, Math.ceil(count / columns), FULL, count));
}
