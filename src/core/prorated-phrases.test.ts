import { describe, expect, it } from "vitest";
import { formatNumber } from "./display-format";
import { countTargetText, wholeTargetBefore, withPartialPeriodNote } from "./prorated-phrases";

const seventeenOf31 = { proration: { days: 17, of: 31 }, ramp: null };

describe("count targets", () => {
  it("show the whole target and the proration when proration made it fractional", () => {
    // 1 × 17/31 = 0.55: never "a target of 0.55 deals".
    expect(countTargetText(17 / 31, seventeenOf31, "en", formatNumber)).toBe("1, prorated for 17 of 31 days");
    expect(countTargetText(17 / 31, seventeenOf31, "zh", formatNumber)).toBe("1（按在岗 17/31 天折算）");
    expect(countTargetText((2 * 17) / 31, seventeenOf31, "zh", formatNumber, true)).toBe("2，按在岗 17/31 天折算");
  });
  it("name the ramp-up, and both together", () => {
    const ramp = { proration: null, ramp: { factor: 0.75, month: 2 } };
    expect(countTargetText(3.75, ramp, "en", formatNumber)).toBe("5, at the 75.0% ramp-up level");
    expect(countTargetText(3.75, ramp, "zh", formatNumber)).toBe("5（按爬坡期 75.0% 折算）");
    const both = { proration: { days: 17, of: 31 }, ramp: { factor: 0.5, month: 1 } };
    expect(countTargetText((4 * 17 * 0.5) / 31, both, "en", formatNumber)).toBe(
      "4, prorated for 17 of 31 days at the 50.0% ramp-up level",
    );
  });
  it("stay as they are when whole, not scaled, or typed fractional", () => {
    expect(countTargetText(4, { proration: null, ramp: null }, "en", formatNumber)).toBe("4");
    // 2 × 15/30 = 1: whole after proration, so nothing to explain.
    expect(countTargetText(1, { proration: { days: 15, of: 30 }, ramp: null }, "en", formatNumber)).toBe("1");
    expect(countTargetText(2.5, { proration: null, ramp: null }, "en", formatNumber)).toBe("2.5");
    // 2.5 × 17/31 does not come from a whole target: shown as computed.
    expect(wholeTargetBefore((2.5 * 17) / 31, seventeenOf31)).toBeNull();
    expect(countTargetText((2.5 * 17) / 31, seventeenOf31, "en", formatNumber)).toBe("1.37");
  });
});

describe("a partial period's rank", () => {
  it("carries a note before the full stop, in both languages", () => {
    expect(withPartialPeriodNote("You rank 3 of 13 overall.", { days: 17, of: 31 }, "en")).toBe(
      "You rank 3 of 13 overall, on targets prorated for 17 of 31 days.",
    );
    expect(withPartialPeriodNote("你在全部 13 名销售中排名第 3。", { days: 17, of: 31 }, "zh")).toBe(
      "你在全部 13 名销售中排名第 3（按在岗 17/31 天折算目标）。",
    );
  });
  it("is unchanged for a full period", () => {
    expect(withPartialPeriodNote("You rank 3 of 13 overall.", null, "en")).toBe("You rank 3 of 13 overall.");
  });
});
