import { describe, expect, it } from "vitest";
import {
  DEFAULT_ACHIEVEMENT_LIMITS,
  achievement,
  attainment,
  isUsableTarget,
  metricAchievement,
  parseDirection,
} from "./attainment";

const LIMITS = DEFAULT_ACHIEVEMENT_LIMITS; // floor 0, cap 1.5

describe("attainment", () => {
  it("is actual / target when higher is better", () => {
    expect(attainment(120, 100, "higher")).toBe(120 / 100);
    expect(attainment(0, 100, "higher")).toBe(0);
    expect(attainment(-10, 100, "higher")).toBe(-10 / 100);
  });

  it("is target / actual when lower is better", () => {
    expect(attainment(30, 45, "lower")).toBe(45 / 30);
    expect(attainment(60, 45, "lower")).toBe(45 / 60);
  });

  it("is none when the target is blank, zero, negative or not finite", () => {
    for (const target of [null, 0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(attainment(10, target, "higher")).toBeNull();
      expect(attainment(10, target, "lower")).toBeNull();
    }
  });

  it("is none when lower is better and the actual is 0 or less", () => {
    expect(attainment(0, 30, "lower")).toBeNull();
    expect(attainment(-1, 30, "lower")).toBeNull();
  });

  it("is none without an actual", () => {
    expect(attainment(null, 30, "higher")).toBeNull();
    expect(attainment(Number.NaN, 30, "higher")).toBeNull();
  });
});

describe("achievement", () => {
  it("is 0 below the floor", () => {
    expect(achievement(0.79, { floor: 0.8, cap: 1.5 })).toBe(0);
    expect(achievement(-0.1, LIMITS)).toBe(0);
  });

  it("is the attainment from the floor to the cap", () => {
    expect(achievement(0.8, { floor: 0.8, cap: 1.5 })).toBe(0.8);
    expect(achievement(1.2, LIMITS)).toBe(1.2);
    expect(achievement(0, LIMITS)).toBe(0);
  });

  it("is clamped to the cap", () => {
    expect(achievement(1.8, LIMITS)).toBe(1.5);
    expect(achievement(1.8, { floor: 0, cap: 1.2 })).toBe(1.2);
  });

  it("meets the floor when float noise puts the attainment just under it", () => {
    const noisy = 2.4 / 3; // 0.7999999999999999
    expect(achievement(noisy, { floor: 0.8, cap: 1.5 })).toBe(noisy);
  });

  it("is none without an attainment", () => {
    expect(achievement(null, LIMITS)).toBeNull();
  });
});

describe("metricAchievement", () => {
  it("gives the cap to a lower-is-better metric with actual 0 and a target", () => {
    expect(metricAchievement(0, 30, "lower", LIMITS)).toBe(1.5);
    expect(metricAchievement(0, 30, "lower", { floor: 0, cap: 2 })).toBe(2);
  });

  it("gives none to a lower-is-better metric with actual 0 and no target", () => {
    expect(metricAchievement(0, null, "lower", LIMITS)).toBeNull();
    expect(metricAchievement(0, 0, "lower", LIMITS)).toBeNull();
  });

  it("gives none to a lower-is-better actual below 0", () => {
    expect(metricAchievement(-3, 30, "lower", LIMITS)).toBeNull();
  });

  it("is achievement of attainment otherwise", () => {
    expect(metricAchievement(40, 50, "higher", LIMITS)).toBe(40 / 50);
    expect(metricAchievement(20, 45, "lower", LIMITS)).toBe(1.5); // 45 / 20 = 2.25, capped
    expect(metricAchievement(0, 50, "higher", LIMITS)).toBe(0); // additive 0 is data
  });
});

describe("isUsableTarget", () => {
  it("accepts only finite targets above 0", () => {
    expect(isUsableTarget(0.01)).toBe(true);
    expect(isUsableTarget(0)).toBe(false);
    expect(isUsableTarget(-1)).toBe(false);
    expect(isUsableTarget(null)).toBe(false);
  });
});

describe("parseDirection", () => {
  it("reads English and Chinese names, trimmed and case-insensitive", () => {
    const directionOf = { higher: "higher", " LOWER ": "lower", 越高越好: "higher", " 越低越好 ": "lower" };
    for (const [name, direction] of Object.entries(directionOf)) expect(parseDirection(name), name).toBe(direction);
  });

  it("rejects anything else, including object property names", () => {
    expect(parseDirection("up")).toBeNull();
    expect(parseDirection("constructor")).toBeNull();
    expect(parseDirection("")).toBeNull();
  });
});
