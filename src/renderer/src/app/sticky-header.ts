/**
 * The account page's header that stays (`.detail-sticky` in `.detail`): sections
 * scrolled into view stop below it, through CSS scroll-margin-top, which reads
 * the page's --sticky-height. Called when the header changes size, and again
 * just before a section is scrolled into view, since the header's finding may
 * have arrived in the same frame, before the resize was reported.
 */
export function syncStickyHeight(within: Element): void {
  const page = within.closest<HTMLElement>('.detail');
  const header = page?.querySelector<HTMLElement>('.detail-sticky');
  if (page == null || header == null) return;
  page.style.setProperty('--sticky-height', `${header.offsetHeight}px`);
}
