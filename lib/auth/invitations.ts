import "server-only";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { createInvitation, INVITATION_TTL_HOURS } from "@/db/queries/users";
import { enqueueEmail } from "@/lib/email/outbox";
import { invitationEmail } from "./emails";
import { siteOrigin } from "@/lib/env";

/*
 * Not a server action: callers (a school admin's action, an operator's action) have already
 * checked who may invite to which school.
 */
/** Creates an invitation and its email in one transaction. Shared with the operator area. */
export async function sendInvitation(input: { email: string; role: "admin" | "member"; schoolId: number; schoolName: string; invitedBy: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const invite = await createInvitation({ email: input.email, role: input.role, schoolId: input.schoolId, invitedBy: input.invitedBy }, tx);
    const url = `${siteOrigin()}/invite/${invite.token}`;
    await enqueueEmail(tx, {
      kind: "invitation",
      to: [input.email],
      ...invitationEmail({ url, schoolName: input.schoolName, role: input.role, hours: INVITATION_TTL_HOURS }),
      idempotencyKey: `invitation:${invite.id}`,
      schoolId: input.schoolId,
    });
    await recordAudit(
      { action: "invitation.created", actorUserId: input.invitedBy, schoolId: input.schoolId, subjectType: "invitation", subjectId: invite.id, metadata: { role: input.role } },
      tx,
    );
  });
}

