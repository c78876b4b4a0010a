import { describe, expect, it } from "vitest";
import { ArgumentError, describeValue, runCustomFunction } from "./custom-function-errors";
import { thrownMessage } from "../../test/fixtures/thrown-message";

describe("runCustomFunction", () => {
  it("returns the result", () => {
    expect(runCustomFunction("F", () => 42)).toBe(42);
  });

  it("prefixes an argument failure with the function name, on one line", () => {
    const failure = (() => {
      try {
        runCustomFunction("BONUS", () => {
          throw new ArgumentError("tiers row 3 is not ascending");
        });
      } catch (error) {
        return error as Error;
      }
      return null;
    })();
    expect(failure).toBeInstanceOf(Error);
    expect(failure?.message).toBe("BONUS: tiers row 3 is not ascending");
    expect(failure).not.toBeInstanceOf(ArgumentError);
  });

  it("turns an unexpected failure into one line without its stack", () => {
    const message = thrownMessage(() =>
      runCustomFunction("F", () => {
        throw new TypeError("first line\n    at somewhere (file.js:1:1)");
      }),
    );
    expect(message).toBe("F: could not compute the result (first line at somewhere (file.js:1:1))");
    expect(
      thrownMessage(() =>
        runCustomFunction("F", () => {
          throw "plain";
        }),
      ),
    ).toBe("F: could not compute the result (plain)");
  });
});

describe("describeValue", () => {
  it("shows text quoted on one line, cut when long", () => {
    expect(describeValue("a\r\nb")).toBe('"a b"');
    expect(describeValue("x".repeat(50))).toBe(`"${"x".repeat(40)}..."`);
  });

  it("shows booleans, dates and other values", () => {
    expect(describeValue(false)).toBe("FALSE");
    expect(describeValue(new Date(0))).toBe("a date");
    expect(describeValue(Number.NaN)).toBe("NaN");
  });
});
