/**
 * The settings' stage-to-probability table: validated at the edge (the
 * add-on's settings and a local --mapping file) and handed to the reading.
 */
import { describe, expect, it } from "vitest";
import { defaultSettings, inputReadingOf, validateSettings } from "../../src/addon/settings";
import { parseMappingText } from "../../src/local/workbook/mapping-file";

describe("stageProbabilities", () => {
  it("defaults to none, and reaches the reading options", () => {
    expect(defaultSettings().stageProbabilities).toEqual({});
    const checked = validateSettings({ stageProbabilities: { "Proposal sent": 0.5 } }, defaultSettings());
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(inputReadingOf(checked.settings, null).stageProbabilities).toEqual({ "Proposal sent": 0.5 });
  });

  it("refuses a probability outside 0-1", () => {
    expect(validateSettings({ stageProbabilities: { Proposal: 50 } }, defaultSettings()).ok).toBe(false);
  });

  it("is read from a mapping file", () => {
    const parsed = parseMappingText('{ "stageProbabilities": { "Propuesta": 0.4 } }');
    expect(parsed).toMatchObject({ ok: true, settings: { stageProbabilities: { Propuesta: 0.4 } } });
    expect(parseMappingText('{ "stageProbabilities": { "Propuesta": 2 } }').ok).toBe(false);
  });
});
