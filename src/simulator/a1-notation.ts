/** A1 notation for the simulator: the product's one copy in src/core, re-exported where the simulator's files look. */
export { formatA1, parseA1, splitSheetName, type GridRect } from "../core/a1-notation";
