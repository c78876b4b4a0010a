import { DATA_VALIDATION_CRITERIA, DataValidationBuilderService } from "./data-validation";
import { DEVELOPER_METADATA_LOCATION_TYPE, DEVELOPER_METADATA_VISIBILITY } from "./developer-metadata";
import { NO_ACCESS_MESSAGE, createSpreadsheet, openableSpreadsheet, spreadsheetExists } from "./drive";
import type { Execution } from "./execution";
import { PROTECTION_TYPE } from "./protection";
import type { SheetFacade } from "./sheet";
import { type SpreadsheetFacade, exposeSpreadsheet } from "./spreadsheet";
import { UiFacade } from "./ui";
import { enumOf } from "./service-enum";
import { signatureError } from "./signature-error";

/**
 * SpreadsheetApp. In a time-driven trigger `getActiveSpreadsheet()` is null
 * and `getUi()` throws; `openById` opens the simulated spreadsheet and the
 * spreadsheets scripts created (drive.ts) that the user may open; `create`
 * makes a spreadsheet owned by the user running the script.
 *
 * @example
 * SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty("spreadsheetId"));
 */
export class SpreadsheetAppFacade {
  readonly ProtectionType = PROTECTION_TYPE;
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  readonly DeveloperMetadataVisibility = DEVELOPER_METADATA_VISIBILITY;
  readonly DeveloperMetadataLocationType = DEVELOPER_METADATA_LOCATION_TYPE;
  readonly Dimension = enumOf("COLUMNS", "ROWS");
  readonly BorderStyle = enumOf("DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE");
  readonly WrapStrategy = enumOf("WRAP", "OVERFLOW", "CLIP");

  constructor(readonly _x: Execution) {}

  _open(): SpreadsheetFacade {
    return exposeSpreadsheet(this._x, this._x.sim.spreadsheet);
  }
  /** The spreadsheet with an ID, as `method` reports a missing one or one the user may not open. */
  _openId(id: unknown, method: string): SpreadsheetFacade {
    const key = typeof id === "string" ? id : "";
    const model = openableSpreadsheet(this._x.sim, key, this._x.context.user);
    if (model) return exposeSpreadsheet(this._x, model);
    if (spreadsheetExists(this._x.sim, key)) throw new Error(NO_ACCESS_MESSAGE);
    throw new Error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
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
    return this._openId(id, "openById");
  }
  openByUrl(url: unknown): SpreadsheetFacade {
    return this._openId(/\/d\/([^/]+)/.exec(String(url))?.[1], "openByUrl");
  }
  /** create(name) (rows and columns, when given, size its first sheet). */
  create(name: unknown, rows?: unknown, columns?: unknown): SpreadsheetFacade {
    if (this._x.context.authMode !== "FULL")
      throw new Error("You do not have permission to call SpreadsheetApp.create");
    if (typeof name !== "string" || name === "") throw signatureError("SpreadsheetApp.create");
    const model = createSpreadsheet(this._x, name);
    const sheet = model.sheets[0];
    if (typeof rows === "number" && rows >= 1) sheet.maxRows = Math.floor(rows);
    if (typeof columns === "number" && columns >= 1) sheet.maxColumns = Math.floor(columns);
    return exposeSpreadsheet(this._x, model);
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
