"use client";

import { CheckboxGroup, Field, SelectField } from "./action-form";
import { CREDENTIAL_LABELS, DELIVERY_LABELS } from "@/lib/format";

type Defaults = {
  title?: string;
  programAreaId?: number;
  credentialLevel?: string;
  delivery?: string;
  lengthMonths?: number;
  description?: string;
  highlights?: string[];
  websiteUrl?: string;
  campusIds?: number[];
  dailyLeadCap?: number | null;
  monthlyLeadCap?: number | null;
};

type Props = { areas: { id: number; name: string }[]; campuses: { id: number; name: string }[]; program?: Defaults };

/** The program listing's fields, as the directory shows them; validated by lib/validations/program.ts. */
export function ProgramFields({ areas, campuses, program }: Props) {
  return (
    <div className="space-y-4">
      <Field name="title" label="Program title" defaultValue={program?.title} required />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="programAreaId" label="Program area" defaultValue={program?.programAreaId} placeholder="Choose an area" options={areas.map((a) => ({ value: String(a.id), label: a.name }))} />
        <SelectField
          name="credentialLevel"
          label="Credential"
          defaultValue={program?.credentialLevel}
          placeholder="Choose a credential"
          options={Object.entries(CREDENTIAL_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="delivery"
          label="How it is taught"
          defaultValue={program?.delivery}
          placeholder="Choose one"
          options={Object.entries(DELIVERY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Field name="lengthMonths" label="Length in months" type="number" defaultValue={program?.lengthMonths} required />
      </div>
      <Field name="description" label="Description" defaultValue={program?.description} multiline />
      <Field name="highlights" label="Highlights" hint="One per line; the ad shows the first three." defaultValue={program?.highlights?.join("\n")} multiline />
      <Field name="websiteUrl" label="Program web page" type="url" defaultValue={program?.websiteUrl} required />
      {campuses.length > 0 ? (
        <CheckboxGroup
          name="campusIds"
          legend="Campuses where it is offered"
          options={campuses.map((c) => ({ value: String(c.id), label: c.name }))}
          defaultValues={(program?.campusIds ?? []).map(String)}
        />
      ) : null}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="text-sm font-medium">Lead caps (leave empty for none)</legend>
        <p className="text-xs text-muted sm:col-span-2">
          Days and months are counted in UTC (a day ends at 4 pm Pacific, 5 pm in winter). Once a cap is reached, the ad says
          &ldquo;Not taking requests right now&rdquo; until the day or month is over; repeat requests from the same person are not counted.
        </p>
        <Field name="dailyLeadCap" label="Most leads per day" type="number" defaultValue={program?.dailyLeadCap} />
        <Field name="monthlyLeadCap" label="Most leads per month" type="number" defaultValue={program?.monthlyLeadCap} />
      </fieldset>
    </div>
  );
}
