/**
 * The result workbook `npm start` writes for the demo workbook, for the
 * review tests that read the reviews the built bundle generated.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Language } from "../../src/core/plan-model";
import type { WorkbookData } from "../../src/local/workbook/workbook-data";
import { readXlsx } from "../../src/local/workbook/xlsx-workbook";
import { ensureBuilt, runStart } from "../local/start-helpers";

/**
 * Runs `npm start --lang <language>` on the demo workbook into a temporary
 * folder and reads back the result workbook (the folder is removed once read).
 *
 * @example
 * const result = await demoResultWorkbook("zh");
 * records(sheetOf(result, "Reviews"));
 */
export async function demoResultWorkbook(language: Language): Promise<WorkbookData> {
  ensureBuilt();
  const dir = await mkdtemp(join(tmpdir(), `demo-result-${language}-`));
  try {
    const run = runStart(["--lang", language, "--out", join(dir, "result.xlsx")]);
    if (run.status !== 0) throw new Error(`npm start failed:\n${run.stdout}\n${run.stderr}`);
    return await readXlsx(join(dir, "result.xlsx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
