import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./default-plan";
import {
  fiscalYearStart,
  manualMetricKeys,
  planMetricKeys,
  roleKey,
  variantForRole,
  versionForPeriod,
  versionLabel,
} from "./plan-lookup";
import type { MetricSpec, PlanBook, PlanVariant, PlanVersion } from "./plan-model";

function metric(key: string, manual = false): MetricSpec {
  return { key, weight: 1, direction: "higher", floor: 0, cap: 1.5, manual };
}

function variant(role: string, keys: MetricSpec[]): PlanVariant {
  return { role, metrics: keys, components: [], targetBonus: 1000, ramp: [] };
}

function version(effectiveFrom: string, options: Partial<PlanVersion> & { fy?: number } = {}): PlanVersion {
  return {
    effectiveFrom,
    row: 2,
    base: variant("", [metric("revenue")]),
    variants: {},
    settings: { ...DEFAULT_SETTINGS, fiscalYearStartMonth: options.fy ?? 1 },
    valid: true,
    ...options,
  };
}

const book: PlanBook = { versions: [version(""), version("2026-04"), version("2027-01")] };

describe("versionForPeriod", () => {
  const from = (period: string, fy = 1, plan = book) => versionForPeriod(plan, period, fy)?.effectiveFrom ?? null;

  it("takes the latest version starting on or before a month", () => {
    const versionOf = {
      "2020-01": "",
      "2026-03": "",
      "2026-04": "2026-04",
      "2026-12": "2026-04",
      "2027-01": "2027-01",
    };
    for (const [month, effectiveFrom] of Object.entries(versionOf)) expect(from(month), month).toBe(effectiveFrom);
  });

  it("uses the version in force at a quarter's first month, even when another starts inside it", () => {
    expect(from("2026-Q1")).toBe("");
    expect(from("2026-Q2")).toBe("2026-04");
    // With an April fiscal year, 2026-Q4 is January-March 2027.
    expect(from("2026-Q4", 4)).toBe("2027-01");
    // With a February fiscal year, 2026-Q1 is February-April 2026: the version of February.
    expect(from("2026-Q1", 2)).toBe("");
  });

  it("uses the version in force at a fiscal year's first month", () => {
    expect(from("2026")).toBe("");
    expect(from("2026", 4)).toBe("2026-04");
    expect(from("2025", 4)).toBe("");
    expect(from("2027")).toBe("2027-01");
  });

  it("gives null before the first version when none applies from the beginning", () => {
    const dated: PlanBook = { versions: [version("2026-04")] };
    expect(from("2026-03", 1, dated)).toBeNull();
    expect(from("2026-Q1", 1, dated)).toBeNull();
    expect(from("2026-Q2", 1, dated)).toBe("2026-04");
  });

  it("returns invalid versions too, so the caller can report them", () => {
    const plan: PlanBook = { versions: [version(""), version("2026-04", { valid: false })] };
    expect(versionForPeriod(plan, "2026-05", 1)?.valid).toBe(false);
  });

  it("does not depend on the order of the versions", () => {
    const shuffled: PlanBook = { versions: [book.versions[2], book.versions[0], book.versions[1]] };
    expect(from("2026-06", 1, shuffled)).toBe("2026-04");
    expect(from("2026-02", 1, shuffled)).toBe("");
  });
});

describe("variantForRole", () => {
  const manager = variant("Manager", [metric("deals_won")]);
  const withRoles = version("", { variants: { manager } });

  it("matches the role trimmed and case-insensitively", () => {
    expect(variantForRole(withRoles, " MANAGER ")).toBe(manager);
  });

  it("gives the base plan for a blank, *, unknown or prototype-named role", () => {
    for (const role of ["", "  ", "*", "intern", "constructor", "__proto__"]) {
      expect(variantForRole(withRoles, role)).toBe(withRoles.base);
    }
  });
});

describe("roleKey", () => {
  it("trims and case-folds, and reads * as the base", () => {
    expect(roleKey(" Key Account ")).toBe("key account");
    expect(roleKey("*")).toBe("");
    expect(roleKey(" * ")).toBe("");
  });
});

describe("planMetricKeys and manualMetricKeys", () => {
  const plan: PlanBook = {
    versions: [
      version("", {
        base: variant("", [metric("revenue"), metric("csat", true)]),
        variants: { manager: variant("manager", [metric("revenue"), metric("teamwork", true)]) },
      }),
      version("2026-04", {
        base: variant("", [metric("win_rate"), metric("revenue"), metric("nps", true)]),
        valid: false,
      }),
    ],
  };

  it("lists metrics in plan order, roles' extra metrics after the base's, later versions' new ones appended", () => {
    expect(planMetricKeys(plan)).toEqual(["revenue", "csat", "teamwork", "win_rate", "nps"]);
  });

  it("lists every manual metric of every version", () => {
    expect([...manualMetricKeys(plan)].sort()).toEqual(["csat", "nps", "teamwork"]);
  });
});

describe("fiscalYearStart", () => {
  it("is the earliest valid version's", () => {
    expect(fiscalYearStart({ versions: [version("", { fy: 4 }), version("2026-04", { fy: 7 })] })).toBe(4);
    expect(fiscalYearStart({ versions: [version("", { fy: 4, valid: false }), version("2026-04", { fy: 7 })] })).toBe(
      7,
    );
  });

  it("is January when no version is valid", () => {
    expect(fiscalYearStart({ versions: [version("", { fy: 4, valid: false })] })).toBe(1);
    expect(fiscalYearStart({ versions: [] })).toBe(1);
  });
});

describe("versionLabel", () => {
  it("names a version by its Effective from, or - from the beginning", () => {
    expect(versionLabel({ effectiveFrom: "2026-04" })).toBe("2026-04");
    expect(versionLabel({ effectiveFrom: "" })).toBe("-");
  });
});
