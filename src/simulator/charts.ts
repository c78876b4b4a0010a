/**
 * Embedded charts, recorded not drawn: a builder collects the chart type,
 * ranges, position and options; insertChart stores them on the sheet.
 */
import type { GridRect } from "./a1-notation";
import { type Execution, unwrapService } from "./execution";
import { RangeFacade, exposeRange } from "./range";
import type { ChartModel, SpreadsheetModel } from "./sheet-model";
import { enumOf } from "./service-enum";

/** Charts.ChartType. */
const CHART_TYPE = enumOf(
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "LINE",
  "ORG",
  "PIE",
  "RADAR",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TIMELINE",
  "TREEMAP",
  "WATERFALL",
);

/** The `Charts` global (enums only). */
export const CHARTS_GLOBAL = Object.freeze({
  ChartType: CHART_TYPE,
  ChartHiddenDimensionStrategy: enumOf("IGNORE_BOTH", "IGNORE_ROWS", "IGNORE_COLUMNS", "SHOW_BOTH"),
  ChartMergeStrategy: enumOf("MERGE_COLUMNS", "MERGE_ROWS"),
  Position: enumOf("TOP", "RIGHT", "BOTTOM", "NONE"),
});

function rangeRef(range: unknown): { sheetId: number; rect: GridRect } {
  const r = unwrapService(range, RangeFacade);
  if (!r) throw new Error("Invalid argument: range");
  return { sheetId: r._sheet.sheetId, rect: { ...r._r } };
}

/** A chart spec before insertion (id null) or after. */
export type ChartSpec = Omit<ChartModel, "id" | "sheetId"> & { id: number | null; sheetId: number };

const AS_TYPES: Record<string, string> = {
  asAreaChart: "AREA",
  asBarChart: "BAR",
  asColumnChart: "COLUMN",
  asComboChart: "COMBO",
  asHistogramChart: "HISTOGRAM",
  asLineChart: "LINE",
  asPieChart: "PIE",
  asScatterChart: "SCATTER",
  asTableChart: "TABLE",
};

const OPTION_SETTERS: Record<string, string> = {
  setTitle: "title",
  setXAxisTitle: "hAxis.title",
  setYAxisTitle: "vAxis.title",
  setLegendPosition: "legend.position",
  setStacked: "isStacked",
  setColors: "colors",
  set3D: "is3D",
  setCurveStyle: "curveType",
  setPointStyle: "pointShape",
  reverseCategories: "reverseCategories",
  setBackgroundColor: "backgroundColor",
};

/**
 * An EmbeddedChartBuilder (also answers the as*Chart() builders' common setters).
 *
 * @example
 * sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(range).setPosition(1, 5, 0, 0).build();
 */
export class EmbeddedChartBuilderFacade {
  _spec: ChartSpec;

  constructor(
    readonly _x: Execution,
    readonly _ss: SpreadsheetModel,
    spec: ChartSpec,
  ) {
    this._spec = { ...spec, ranges: [...spec.ranges], options: { ...spec.options }, position: { ...spec.position } };
    for (const [method, type] of Object.entries(AS_TYPES)) {
      (this as unknown as Record<string, () => this>)[method] = () => {
        this._spec.type = type;
        return this._self();
      };
    }
    for (const [method, option] of Object.entries(OPTION_SETTERS)) {
      (this as unknown as Record<string, (v?: unknown) => this>)[method] = (value?: unknown) => {
        this._spec.options[option] = value === undefined ? true : value;
        return this._self();
      };
    }
  }

  _self(): this {
    return this._x.expose("EmbeddedChartBuilder", this);
  }

  setChartType(type: unknown): this {
    if (typeof type !== "string" || !(type in CHART_TYPE)) throw new Error("Invalid argument: type");
    this._spec.type = type;
    return this._self();
  }
  addRange(range: unknown): this {
    this._spec.ranges.push(rangeRef(range));
    return this._self();
  }
  removeRange(range: unknown): this {
    const ref = rangeRef(range);
    this._spec.ranges = this._spec.ranges.filter((r) => JSON.stringify(r) !== JSON.stringify(ref));
    return this._self();
  }
  clearRanges(): this {
    this._spec.ranges = [];
    return this._self();
  }
  getRanges(): RangeFacade[] {
    return chartRanges(this._x, this._ss, this._spec);
  }
  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): this {
    this._spec.position = {
      row: Number(anchorRowPos),
      column: Number(anchorColPos),
      offsetX: Number(offsetX ?? 0),
      offsetY: Number(offsetY ?? 0),
    };
    return this._self();
  }
  setOption(option: unknown, value: unknown): this {
    this._spec.options[String(option)] = value;
    return this._self();
  }
  setHiddenDimensionStrategy(strategy: unknown): this {
    this._spec.hiddenDimensionStrategy = String(strategy);
    return this._self();
  }
  setMergeStrategy(strategy: unknown): this {
    this._spec.mergeStrategy = String(strategy);
    return this._self();
  }
  setNumHeaders(headers: unknown): this {
    this._spec.numHeaders = Number(headers);
    return this._self();
  }
  setTransposeRowsAndColumns(transpose: unknown): this {
    this._spec.options.transpose = transpose === true;
    return this._self();
  }
  getChartType(): string {
    return this._spec.type;
  }
  build(): EmbeddedChartFacade {
    if (this._spec.ranges.length === 0) throw new Error("The chart has no data ranges. Add a range with addRange().");
    return this._x.expose(
      "EmbeddedChart",
      new EmbeddedChartFacade(this._x, this._ss, {
        ...this._spec,
        ranges: [...this._spec.ranges],
        options: { ...this._spec.options },
      }),
    );
  }
}

function chartRanges(x: Execution, ss: SpreadsheetModel, spec: ChartSpec): RangeFacade[] {
  return spec.ranges.flatMap((r) => {
    const sheet = ss.sheetById(r.sheetId);
    return sheet ? [exposeRange(x, ss, sheet, r.rect)] : [];
  });
}

/**
 * An EmbeddedChart (built, inserted or read back with getCharts()).
 *
 * @example
 * sheet.getCharts()[0].modify().setOption("title", "Attainment").build();
 */
export class EmbeddedChartFacade {
  constructor(
    readonly _x: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _spec: ChartSpec,
  ) {}

  getChartId(): number | null {
    return this._spec.id;
  }
  getId(): string {
    return this._spec.id === null ? "" : `u${this._spec.id}`;
  }
  getRanges(): RangeFacade[] {
    return chartRanges(this._x, this._ss, this._spec);
  }
  getOptions(): { get: (option: string) => unknown } {
    const options = this._spec.options;
    return { get: (option: string) => options[option] ?? null };
  }
  getContainerInfo(): {
    getAnchorRow: () => number;
    getAnchorColumn: () => number;
    getOffsetX: () => number;
    getOffsetY: () => number;
  } {
    const p = this._spec.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  getHiddenDimensionStrategy(): string | null {
    return this._spec.hiddenDimensionStrategy ?? null;
  }
  getMergeStrategy(): string | null {
    return this._spec.mergeStrategy ?? null;
  }
  getNumHeaders(): number {
    return this._spec.numHeaders ?? -1;
  }
  modify(): EmbeddedChartBuilderFacade {
    return this._x.expose("EmbeddedChartBuilder", new EmbeddedChartBuilderFacade(this._x, this._ss, this._spec));
  }
}

/**
 * A fresh builder for a sheet.
 *
 * @example
 * newChartBuilder(execution, ss, sheet.sheetId);
 */
export function newChartBuilder(x: Execution, ss: SpreadsheetModel, sheetId: number): EmbeddedChartBuilderFacade {
  const spec: ChartSpec = {
    id: null,
    sheetId,
    type: "LINE",
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };
  return x.expose("EmbeddedChartBuilder", new EmbeddedChartBuilderFacade(x, ss, spec));
}

/**
 * Wraps a stored chart for the script.
 *
 * @example
 * exposeChart(execution, ss, model).getChartId();
 */
export function exposeChart(x: Execution, ss: SpreadsheetModel, model: ChartModel): EmbeddedChartFacade {
  return x.expose("EmbeddedChart", new EmbeddedChartFacade(x, ss, { ...model }));
}
