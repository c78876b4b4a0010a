import { DATA_VALIDATION_CRITERIA, DataValidationBuilderService } from "./data-validation";
import { DEVELOPER_METADATA_LOCATION_TYPE, DEVELOPER_METADATA_VISIBILITY } from "./developer-metadata";
import type { Execution } from "./execution";
import { PROTECTION_TYPE } from "./protection";
import type { SheetFacade } from "./sheet";
import { type SpreadsheetFacade, exposeSpreadsheet } from "./spreadsheet";
import { UiFacade } from "./ui";

/**
 * SpreadsheetApp. In a time-driven trigger `getActiveSpreadsheet()` is null
 * and `getUi()` throws; `openById` opens only the simulated spreadsheet.
 *
 * @example
 * SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty("spreadsheetId"));
 */
export class SpreadsheetAppFacade {
  _x: Execution;
  readonly ProtectionType = PROTECTION_TYPE;
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  readonly DeveloperMetadataVisibility = DEVELOPER_METADATA_VISIBILITY;
  readonly DeveloperMetadataLocationType = DEVELOPER_METADATA_LOCATION_TYPE;
  readonly Dimension = Object.freeze({ COLUMNS: "COLUMNS", ROWS: "ROWS" });
  readonly BorderStyle = Object.freeze({
    DOTTED: "DOTTED",
    DASHED: "DASHED",
    SOLID: "SOLID",
    SOLID_MEDIUM: "SOLID_MEDIUM",
    SOLID_THICK: "SOLID_THICK",
    DOUBLE: "DOUBLE",
  });
  readonly WrapStrategy = Object.freeze({ WRAP: "WRAP", OVERFLOW: "OVERFLOW", CLIP: "CLIP" });

  constructor(execution: Execution) {
    this._x = execution;
  }

  _open(): SpreadsheetFacade {
    return exposeSpreadsheet(this._x, this._x.sim.spreadsheet);
  }

  getActiveSpreadsheet(): SpreadsheetFacade | null {
    return this._x.context.kind === "trigger" ? null : this._open();
  }
  getActive(): SpreadsheetFacade | null {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): SheetFacade | null {
    return this._x.context.kind === "trigger" ? null : this._open().getActiveSheet();
  }
  openById(id: unknown): SpreadsheetFacade {
    if (typeof id !== "string" || id !== this._x.sim.spreadsheet.id)
      throw new Error("Unexpected error while getting the method or property openById on object SpreadsheetApp.");
    return this._open();
  }
  openByUrl(url: unknown): SpreadsheetFacade {
    const id = /\/d\/([^/]+)/.exec(String(url))?.[1];
    if (id !== this._x.sim.spreadsheet.id)
      throw new Error("Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.");
    return this._open();
  }
  getUi(): UiFacade {
    if (this._x.context.kind !== "manual") throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
    return this._x.expose("Ui", new UiFacade(this._x));
  }
  newDataValidation(): DataValidationBuilderService {
    return this._x.expose("DataValidationBuilder", new DataValidationBuilderService(this._x));
  }
  flush(): void {}
}
