/**
 * One column of a simulated sheet, stored by attribute rather than as an
 * object per cell: a byte per cell for the kind of content, the raw values
 * (numbers, texts, booleans, a date's wall clock, a formula's text) in one
 * array, and the rarer attributes (format, note, validation, style) in arrays
 * made only when a cell of the column first gets one. A million-row sheet is
 * then a few arrays per column instead of millions of small objects.
 */
import type { Cell, CellContent, CellStyle, ValidationSpec } from "./cell";

const EMPTY = 0;
const NUMBER = 1;
const TEXT = 2;
const BOOLEAN = 3;
const DATE = 4;
const FORMULA = 5;

type RawValue = number | string | boolean | undefined;

/** The attributes kept in arrays made on first use, by name. */
interface Attributes {
  format: string;
  note: string;
  validation: ValidationSpec;
  style: CellStyle;
}
type AttributeName = keyof Attributes;
const ATTRIBUTE_NAMES: readonly AttributeName[] = ["format", "note", "validation", "style"];

function kindOf(content: CellContent): number {
  switch (content.kind) {
    case "number":
      return NUMBER;
    case "text":
      return TEXT;
    case "boolean":
      return BOOLEAN;
    case "date":
      return DATE;
    case "formula":
      return FORMULA;
  }
}

function rawOf(content: CellContent): RawValue {
  switch (content.kind) {
    case "date":
      return content.wall;
    case "formula":
      return content.formula;
    default:
      return content.value;
  }
}

/** Moves an array's items from `start` on `count` places later, leaving `count` empty places at `start`. */
function openGap(items: unknown[], start: number, count: number): void {
  const length = items.length;
  if (length <= start) return;
  items.length = length + count;
  items.copyWithin(start + count, start, length);
  items.fill(undefined, start, start + count);
}

/**
 * The cells of one column (indexes are 0-based rows).
 *
 * @example
 * const column = new CellColumn();
 * column.setContent(0, { kind: "number", value: 5 });
 * column.content(0); // { kind: "number", value: 5 }
 */
export class CellColumn {
  /** One more than the last row that ever held anything: every array below ends at or before it. */
  length = 0;
  private kinds = new Uint8Array(0);
  private readonly values: RawValue[] = [];
  private readonly attributes: { [K in AttributeName]?: (Attributes[K] | undefined)[] } = {};

  /** The content at a row, as a new object, or undefined. */
  content(index: number): CellContent | undefined {
    const value = this.values[index];
    switch (index < this.length ? this.kinds[index] : EMPTY) {
      case NUMBER:
        return { kind: "number", value: value as number };
      case TEXT:
        return { kind: "text", value: value as string };
      case BOOLEAN:
        return { kind: "boolean", value: value as boolean };
      case DATE:
        return { kind: "date", wall: value as number };
      case FORMULA:
        return { kind: "formula", formula: value as string };
      default:
        return undefined;
    }
  }

  /** True when the row holds a value or formula (formats and notes do not count). */
  hasContent(index: number): boolean {
    return index < this.length && this.kinds[index] !== EMPTY;
  }

  /** Stores (or, with undefined, clears) the content of a row. */
  setContent(index: number, content: CellContent | undefined): void {
    if (content === undefined) {
      if (index >= this.length) return;
      this.kinds[index] = EMPTY;
      this.values[index] = undefined;
      return;
    }
    this.reach(index);
    this.kinds[index] = kindOf(content);
    this.values[index] = rawOf(content);
  }

  /** An attribute of a row, or undefined. */
  attribute<K extends AttributeName>(name: K, index: number): Attributes[K] | undefined {
    return this.attributes[name]?.[index] as Attributes[K] | undefined;
  }

  /** Sets (or, with undefined, clears) an attribute of a row. */
  setAttribute<K extends AttributeName>(name: K, index: number, value: Attributes[K] | undefined): void {
    let items = this.attributes[name] as (Attributes[K] | undefined)[] | undefined;
    if (items === undefined) {
      if (value === undefined) return;
      items = this.attributes[name] = [] as never;
    }
    if (value === undefined && index >= items.length) return;
    this.reach(index);
    items[index] = value;
  }

  /** True when the row holds a format, note, validation or style. */
  holdsAttribute(index: number): boolean {
    for (const name of ATTRIBUTE_NAMES) if (this.attributes[name]?.[index] !== undefined) return true;
    return false;
  }

  /** True when the row holds anything: content or any attribute. */
  holdsAnything(index: number): boolean {
    return this.hasContent(index) || this.holdsAttribute(index);
  }

  /** True when some row holds an attribute (format, note, validation or style). */
  hasAttributes(): boolean {
    return ATTRIBUTE_NAMES.some((name) => this.attributes[name] !== undefined);
  }

  /** The last row holding content, 0-based, or -1. */
  lastContentIndex(): number {
    for (let i = this.length - 1; i >= 0; i--) if (this.kinds[i] !== EMPTY) return i;
    return -1;
  }

  /** Inserts `count` empty rows before row `start`. */
  insertRows(start: number, count: number): void {
    const length = this.length;
    if (length <= start) return;
    this.reach(length + count - 1);
    this.kinds.copyWithin(start + count, start, length);
    this.kinds.fill(EMPTY, start, start + count);
    openGap(this.values, start, count);
    for (const name of ATTRIBUTE_NAMES) {
      const items = this.attributes[name];
      if (items) openGap(items, start, count);
    }
  }

  /** Deletes rows start..start+count-1. */
  deleteRows(start: number, count: number): void {
    if (this.length <= start) return;
    const removed = Math.min(count, this.length - start);
    this.kinds.copyWithin(start, start + removed, this.length);
    this.kinds.fill(EMPTY, this.length - removed, this.length);
    this.values.splice(start, removed);
    for (const name of ATTRIBUTE_NAMES) this.attributes[name]?.splice(start, removed);
    this.length -= removed;
  }

  /** Makes room up to `index`, growing the kinds by doubling. */
  private reach(index: number): void {
    if (index < this.length) return;
    if (index >= this.kinds.length) {
      const grown = new Uint8Array(Math.max(16, index + 1, this.kinds.length * 2));
      grown.set(this.kinds);
      this.kinds = grown;
    }
    this.length = index + 1;
  }
}

/**
 * A cell of a {@link CellColumn} seen as a {@link Cell}: reading a property
 * reads the column and setting one writes it, so the simulator's services
 * change cells as they did when each cell was an object.
 *
 * @example
 * const cell = new ColumnCell(new CellColumn(), 0);
 * cell.note = "checked";
 * cell.note; // "checked"
 */
export class ColumnCell implements Cell {
  constructor(
    private readonly column: CellColumn,
    private readonly index: number,
  ) {}

  get content(): CellContent | undefined {
    return this.column.content(this.index);
  }
  set content(content: CellContent | undefined) {
    this.column.setContent(this.index, content);
  }
  get format(): string | undefined {
    return this.column.attribute("format", this.index);
  }
  set format(format: string | undefined) {
    this.column.setAttribute("format", this.index, format);
  }
  get note(): string | undefined {
    return this.column.attribute("note", this.index);
  }
  set note(note: string | undefined) {
    this.column.setAttribute("note", this.index, note);
  }
  get validation(): ValidationSpec | undefined {
    return this.column.attribute("validation", this.index);
  }
  set validation(validation: ValidationSpec | undefined) {
    this.column.setAttribute("validation", this.index, validation);
  }
  get style(): CellStyle | undefined {
    return this.column.attribute("style", this.index);
  }
  set style(style: CellStyle | undefined) {
    this.column.setAttribute("style", this.index, style);
  }
}
