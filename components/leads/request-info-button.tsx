"use client";

import { useRouter } from "next/navigation";
import { useState, type ComponentType } from "react";

type Props = { slug: string; title: string; schoolName: string; className?: string };
type DialogProps = { slug: string; title: string; schoolName: string; href: string; openSignal: number };

const defaultClass = "btn-primary";

/** The dialog module, fetched once on the first click anywhere on the page. */
let dialogModule: Promise<ComponentType<DialogProps>> | null = null;
function loadDialog() {
  dialogModule ??= import("./request-info-dialog").then(
    (m) => m.default,
    (error: unknown) => {
      dialogModule = null; // try again on the next click
      throw error;
    },
  );
  return dialogModule;
}
const prefetchDialog = () => void loadDialog().catch(() => {});

/**
 * "Request Info" on an ad: a link to the full request page (the path without JavaScript) that opens
 * the form in a modal dialog instead. This component is all an ad ships; the dialog and the form
 * load on the first click (and start loading on hover or focus, so the click rarely waits).
 */
export function RequestInfoButton({ slug, title, schoolName, className = defaultClass }: Props) {
  const [Dialog, setDialog] = useState<ComponentType<DialogProps> | null>(null);
  const [openSignal, setOpenSignal] = useState(0);
  const router = useRouter();
  const href = `/programs/${slug}/request-info`;

  function openDialog(event: React.MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    loadDialog().then(
      (component) => {
        setDialog(() => component);
        setOpenSignal((n) => n + 1);
      },
      // The chunk could not be fetched (offline, a new deployment): the full page still works.
      () => router.push(href),
    );
  }

  return (
    <>
      <a
        href={href}
        onClick={openDialog}
        onPointerEnter={prefetchDialog}
        onFocus={prefetchDialog}
        className={className}
        aria-label={`Request info about ${title} at ${schoolName}`}
        aria-haspopup="dialog"
      >
        Request Info
      </a>
      {Dialog ? <Dialog slug={slug} title={title} schoolName={schoolName} href={href} openSignal={openSignal} /> : null}
    </>
  );
}
