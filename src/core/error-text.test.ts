import { describe, expect, it } from "vitest";
import { errorMessage, errorName } from "./error-text";

describe("what a thrown value says", () => {
  it("gives an Error's or an object's message, and anything else as text", () => {
    expect(errorMessage(new Error("Rep R9 has no results"))).toBe("Rep R9 has no results");
    expect(errorMessage({ message: "Service unavailable" })).toBe("Service unavailable");
    expect(errorMessage({ message: 42 })).toBe("42");
    expect(errorMessage("timed out")).toBe("timed out");
    expect(errorMessage(null)).toBe("null");
    expect(errorMessage(undefined)).toBe("undefined");
  });

  it("gives the name, or Error when there is none", () => {
    expect(errorName(new TypeError("x"))).toBe("TypeError");
    expect(errorName({ name: "Exception", message: "x" })).toBe("Exception");
    expect(errorName("x")).toBe("Error");
    expect(errorName(null)).toBe("Error");
  });
});
