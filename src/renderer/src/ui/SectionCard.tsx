import type { ReactNode, Ref } from 'react';

interface Props {
  /** The section's id (a fix button or a link may scroll to it); its heading is `${id}-title`. */
  id: string;
  title: ReactNode;
  icon?: ReactNode;
  /** The heading takes the focus when the app is sent here (see useSectionFocus). */
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  /** Buttons beside the heading. */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A card with a heading (a landmark named by it) and its actions on the right. */
export function SectionCard({ id, title, icon, headingRef, actions, className, children }: Props) {
  const titleId = `${id}-title`;
  return (
    <section
      className={`card${className ? ` ${className}` : ''}`}
      id={id}
      aria-labelledby={titleId}
    >
      <div className="card-head">
        <h3 id={titleId} ref={headingRef} tabIndex={-1}>
          {icon}
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
