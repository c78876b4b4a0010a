import { describe, expect, it } from "vitest";
import { catalogueText, fill, type FillValues } from "./localized-text";

describe("fill", () => {
  it("fills every placeholder with its value, numbers as text", () => {
    expect(fill("{a} and {b}, {a} again", { a: 1, b: "x" })).toBe("1 and x, 1 again");
  });

  it("leaves a placeholder without a value visible, even one named like an Object method", () => {
    expect(fill("{a} {missing} {toString}", { a: "A" })).toBe("A {missing} {toString}");
  });

  it("writes an own value that is neither text nor number as text, as String would", () => {
    const values = { flag: true, nothing: undefined } as unknown as FillValues;
    expect(fill("{flag} {nothing}", values)).toBe("true undefined");
  });

  it("does not fill again what a value brings in", () => {
    expect(fill("{a}", { a: "{b}", b: "no" })).toBe("{b}");
  });
});

describe("catalogueText", () => {
  const text = catalogueText({ hello: { en: "Hello {name}", zh: "你好，{name}" }, bye: { en: "Bye", zh: "再见" } });

  it("looks a key up in the language asked and fills it", () => {
    expect(text("hello", "en", { name: "Li" })).toBe("Hello Li");
    expect(text("hello", "zh", { name: "Li" })).toBe("你好，Li");
    expect(text("bye", "zh")).toBe("再见");
  });
});
