/**
 * The portal's and console's action wrapper merged into lib/action.ts (one wrapper, one origin
 * check). This re-export only keeps imports from branches in flight compiling; import from
 * "@/lib/action" in new code.
 */
export { done, failed, operatorAction, schoolAction, type FormState } from "@/lib/action";
