import type { APIRequestContext, APIResponse } from "@playwright/test";

/**
 * Server action requests made by hand, as another site (or a script) would make them: the action id
 * and its bound arguments are read from the form the page rendered, the way a browser without
 * JavaScript would submit it, or the way Next's client calls it (`Next-Action` header).
 */

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export type RenderedForm = { actionId: string; bound: unknown[]; hidden: [string, string][] };

/** The form with this accessible name (or the only form with a server action) on the page. */
export function readActionForm(html: string, label?: string): RenderedForm {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].filter((m) => (m[2] ?? "").includes("$ACTION_"));
  const form = label ? forms.find((m) => (m[1] ?? "").includes(`aria-label="${label}"`)) : forms[0];
  if (!form) throw new Error(`no server action form ${label ?? ""} on the page`);
  const hidden: [string, string][] = [];
  for (const input of (form[2] ?? "").matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name !== undefined) hidden.push([decode(name), decode(value)]);
  }
  const ref = hidden.find(([k]) => /^\$ACTION_\d+:0$/.test(k));
  if (ref) {
    const { id } = JSON.parse(ref[1]) as { id: string };
    const args = hidden.find(([k]) => k === ref[0].replace(/:0$/, ":1"));
    return { actionId: id, bound: args ? (JSON.parse(args[1]) as unknown[]) : [], hidden };
  }
  const plain = hidden.find(([k]) => k.startsWith("$ACTION_ID_"));
  if (!plain) throw new Error("no action id in the form");
  return { actionId: plain[0].slice("$ACTION_ID_".length), bound: [], hidden };
}

/** The Origin to send (null: none at all), and any other headers (a cookie, a forwarded protocol). */
export type Origin = { origin: string | null; headers?: Record<string, string> };

function originHeader(o: Origin): Record<string, string> {
  return { ...o.headers, ...(o.origin === null ? {} : { Origin: o.origin }) };
}

/** As a browser without JavaScript submits the form: every hidden field, the typed fields, no Next-Action. */
export function postFormAsDocument(request: APIRequestContext, path: string, form: RenderedForm, fields: Record<string, string>, o: Origin): Promise<APIResponse> {
  const body = new FormData();
  for (const [k, v] of form.hidden) if (!(k in fields)) body.append(k, v);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return request.post(path, { multipart: body, headers: originHeader(o), maxRedirects: 0 });
}

/** As Next's client calls the action: `Next-Action: <id>` and the arguments encoded as React does. */
export function callAction(request: APIRequestContext, path: string, form: RenderedForm, fields: Record<string, string>, o: Origin): Promise<APIResponse> {
  const body = new FormData();
  // The form data, which React sends as fields prefixed "_1_", then (last, as React does: the server
  // resolves it on arrival) the argument list: the bound arguments and a reference to the form data.
  for (const [k, v] of form.hidden) if (!k.startsWith("$") && !(k in fields)) body.append(`_1_${k}`, v);
  for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
  body.append("0", JSON.stringify([...form.bound, "$K1"]));
  return request.post(path, {
    multipart: body,
    headers: { "Next-Action": form.actionId, Accept: "text/x-component", ...originHeader(o) },
    maxRedirects: 0,
  });
}
