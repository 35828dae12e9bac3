import { ActionForm, Field } from "@/components/school/action-form";
import { getSchoolProfile } from "@/db/queries/portal";
import { pageScope } from "@/lib/authz";
import { saveProfile } from "../actions";

export const metadata = { title: "Profile" };

export default async function ProfilePage() {
  const scope = await pageScope("admin");
  const school = await getSchoolProfile(scope);
  if (!school) return null;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">School profile</h1>
      {school.logoUrl ? (
        // A data: URL checked on upload; next/image adds nothing for it.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={school.logoUrl} alt={`${school.name} logo`} className="h-16 w-auto" />
      ) : null}
      <ActionForm action={saveProfile} submitLabel="Save profile" encType="multipart/form-data" aria-label="School profile">
        <Field name="name" label="School name" defaultValue={school.name} required />
        <Field name="description" label="Description" defaultValue={school.description} multiline />
        <Field name="website" label="Website" type="url" defaultValue={school.website} required />
        <Field name="logo" label="Logo" type="file" accept="image/png,image/jpeg,image/webp" hint="PNG, JPEG or WebP, up to 200 KB." />
      </ActionForm>
    </div>
  );
}
