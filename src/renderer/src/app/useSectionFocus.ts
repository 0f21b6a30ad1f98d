import { useEffect, useRef } from 'react';
import { syncStickyHeight } from './sticky-header.js';

/**
 * Brings a section into view and moves the focus to its heading when the app
 * is sent there (a finding's fix button), once the section has its data.
 * Returns the ref for the heading (which needs tabIndex -1).
 */
export function useSectionFocus(focusSerial: number | undefined, ready: boolean) {
  const heading = useRef<HTMLHeadingElement>(null);
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusSerial === undefined || !ready || handled.current === focusSerial) return;
    handled.current = focusSerial;
    const target = heading.current;
    if (target === null) return;
    syncStickyHeight(target);
    (target.closest('section') ?? target).scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [focusSerial, ready]);
  return heading;
}
