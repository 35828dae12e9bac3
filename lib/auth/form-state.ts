/** Kept for imports written before the merge: the form result now lives in lib/action-state.ts. */
export { initialFormState, type FormState } from "@/lib/action-state";
