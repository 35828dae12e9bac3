/** Choices of the Request Info form. Values are stored; labels are shown. */

export const EDUCATION_LEVELS = [
  { value: "some_high_school", label: "Some high school" },
  { value: "high_school", label: "High school diploma" },
  { value: "ged", label: "GED or equivalent" },
  { value: "some_college", label: "Some college" },
  { value: "associate", label: "Associate degree" },
  { value: "bachelor", label: "Bachelor's degree" },
  { value: "graduate", label: "Master's degree or higher" },
] as const;

export const DESIRED_STARTS = [
  { value: "immediately", label: "Immediately" },
  { value: "1_3_months", label: "In 1 to 3 months" },
  { value: "4_6_months", label: "In 4 to 6 months" },
  { value: "7_12_months", label: "In 7 to 12 months" },
  { value: "over_a_year", label: "In more than a year" },
  { value: "not_sure", label: "Not sure yet" },
] as const;

export const MILITARY_AFFILIATIONS = [
  { value: "none", label: "None" },
  { value: "active_duty", label: "Active duty" },
  { value: "veteran", label: "Veteran" },
  { value: "reserve_guard", label: "Reserve or National Guard" },
  { value: "spouse_dependent", label: "Military spouse or dependent" },
] as const;

type Option = { readonly value: string; readonly label: string };
const labelOf = (list: readonly Option[], value: string | null | undefined) =>
  list.find((o) => o.value === value)?.label ?? "";

export const educationLabel = (v: string | null | undefined) => labelOf(EDUCATION_LEVELS, v);
export const desiredStartLabel = (v: string | null | undefined) => labelOf(DESIRED_STARTS, v);
export const militaryLabel = (v: string | null | undefined) => labelOf(MILITARY_AFFILIATIONS, v);
