import { describe, expect, it } from "vitest";
import { compareVersions, laterVersion } from "./versions.js";

describe("compareVersions", () => {
  it.each([
    ["6.1", "6.1", 0],
    ["6.1", "6.1.0", 0],
    ["6.1.0", "6.1", 0],
    ["6.1.4", "6.7", -1],
    ["6.12", "6.2", 1],
    ["6.12.117", "6.12.118", -1],
    ["6.13", "6.12.118", 1],
    ["5.10", "6.1", -1],
    ["10.0", "9.99", 1],
    ["6.19-rc1", "6.19", 0],
    ["6.19-2", "6.19", 1],
    ["6.x", "6.0", 0],
  ])("%s vs %s is %i", (a, b, want) => {
    expect(Math.sign(compareVersions(a, b)) + 0).toBe(want);
    expect(Math.sign(compareVersions(b, a)) + 0).toBe(0 - want + 0);
  });

  it("returns exactly -1, 0 or 1", () => {
    expect(compareVersions("1.2", "1.10")).toBe(-1);
    expect(compareVersions("1.10", "1.2")).toBe(1);
    expect(compareVersions("3", "3.0.0")).toBe(0);
  });
});

describe("laterVersion", () => {
  it("takes the later version, and a version over none", () => {
    expect(laterVersion("5.3", "5.7")).toBe("5.7");
    expect(laterVersion("5.7", "5.3")).toBe("5.7");
    expect(laterVersion("6.1", "6.1.0")).toBe("6.1");
    expect(laterVersion(undefined, "5.3")).toBe("5.3");
    expect(laterVersion("5.3", undefined)).toBe("5.3");
    expect(laterVersion(undefined, undefined)).toBeUndefined();
  });
});
