import { describe, expect, it } from "vitest";
import { parseDashboardQuery } from "./ops-dashboard";

const today = new Date("2025-06-15T13:00:00Z");

describe("dashboard range parameters", () => {
  it("defaults to the last 30 days by day", () => {
    const q = parseDashboardQuery({}, today);
    expect(q.values).toEqual({ from: "2025-05-17", to: "2025-06-15", by: "day" });
    expect(q.range).toEqual({ from: new Date("2025-05-17T00:00:00Z"), to: new Date("2025-06-16T00:00:00Z") });
    expect(q.fieldErrors).toEqual({});
  });

  it("takes a range with the last day included", () => {
    const q = parseDashboardQuery({ from: "2025-01-01", to: "2025-03-31", by: "month" }, today);
    expect(q.range).toEqual({ from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-04-01T00:00:00Z") });
    expect(q.values.by).toBe("month");
  });

  it("reports bad input on its field and falls back to the default range", () => {
    expect(parseDashboardQuery({ from: "2025-02-30" }, today).fieldErrors.from).toBe("Enter a real date.");
    expect(parseDashboardQuery({ from: "yesterday" }, today).fieldErrors.from).toBe("Enter a date as YYYY-MM-DD.");
    const backwards = parseDashboardQuery({ from: "2025-03-01", to: "2025-02-01" }, today);
    expect(backwards.fieldErrors.to).toMatch(/on or after/);
    expect(backwards.range.from).toEqual(new Date("2025-05-17T00:00:00Z"));
    expect(backwards.values.from).toBe("2025-03-01");
    expect(parseDashboardQuery({ from: "2023-01-01", to: "2025-01-01" }, today).fieldErrors.to).toMatch(/at most 366/);
    expect(parseDashboardQuery({ by: "year" }, today).fieldErrors.by).toBe("Choose day, week or month.");
  });
});
