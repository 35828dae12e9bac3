import type { ReactNode } from "react";
import type { OccupationSections } from "@/db/schema";

export function ProfileSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10 scroll-mt-4" id={id}>
      <h2 id={`${id}-heading`} className="text-2xl font-semibold text-ink">
        {title}
      </h2>
      <div className="mt-3 space-y-3 leading-relaxed text-ink">{children}</div>
    </section>
  );
}

function Paragraphs({ items }: { items: string[] }) {
  return items.map((text) => <p key={text}>{text}</p>);
}

function BulletList({ items }: { items: string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      {items.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}

/**
 * The written part of a profile, in reading order; a section with nothing written yet (a career
 * just added by an operator) is left out. `outlookExtra` lets the page place the
 * projection figures inside the outlook section without this component fetching anything.
 */
export function ProfileSections({
  sections,
  shortTitle,
  outlookExtra,
}: {
  sections: OccupationSections;
  shortTitle: string;
  outlookExtra?: ReactNode;
}) {
  return (
    <>
      {sections.work.length > 0 && (
        <ProfileSection id="work" title="What the work involves">
          <Paragraphs items={sections.work} />
        </ProfileSection>
      )}

      {sections.recordContents && sections.recordContents.length > 0 && (
        <ProfileSection id="record-contents" title="What a patient record holds">
          <BulletList items={sections.recordContents} />
        </ProfileSection>
      )}

      {sections.duties.length > 0 && (
        <ProfileSection id="duties" title="Typical duties">
          <BulletList items={sections.duties} />
        </ProfileSection>
      )}

      {sections.specialties.length > 0 && (
        <ProfileSection id="specialties" title="Specialties">
          {sections.specialties.map((s) => (
            <div key={s.name}>
              <h3 className="text-lg font-semibold">{s.name}</h3>
              <p className="mt-1">{s.description}</p>
            </div>
          ))}
        </ProfileSection>
      )}

      {sections.workingConditions.length > 0 && (
        <ProfileSection id="working-conditions" title="Working conditions">
          <Paragraphs items={sections.workingConditions} />
        </ProfileSection>
      )}

      {(sections.outlook.length > 0 || outlookExtra) && (
        <ProfileSection id="outlook" title="Job outlook">
          <Paragraphs items={sections.outlook} />
          {outlookExtra}
        </ProfileSection>
      )}

      {sections.training.length > 0 && (
        <ProfileSection id="training" title="Training and education">
          <Paragraphs items={sections.training} />
        </ProfileSection>
      )}

      {sections.certifications.length > 0 && (
        <ProfileSection id="certification" title="Certification">
          <dl className="space-y-3">
            {sections.certifications.map((c) => (
              <div key={c.acronym}>
                <dt className="font-semibold">
                  {c.name} <span className="font-normal text-muted">({c.acronym})</span>
                </dt>
                <dd className="mt-1">{c.description}</dd>
              </div>
            ))}
          </dl>
        </ProfileSection>
      )}

      {sections.employers.length > 0 && (
        <ProfileSection id="employers" title={`Who employs ${shortTitle.toLowerCase()}`}>
          <BulletList items={sections.employers} />
        </ProfileSection>
      )}
    </>
  );
}
