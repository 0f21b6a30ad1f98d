import type { NavRequest } from '../app/navigation.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { BackupsSection } from './BackupsSection.js';
import { SheetSection } from './SheetSection.js';

/** Recovery sheets to print or save as PDF, and the vault's backups. */
export function SheetsView({ request }: { request: Extract<NavRequest, { view: 'sheets' }> }) {
  const focusOn = (section: 'sheet' | 'backups') =>
    request.section === section ? request.serial : undefined;
  const sheetHeading = useSectionFocus(focusOn('sheet'), true);
  const backupsHeading = useSectionFocus(focusOn('backups'), true);
  return (
    <div className="page">
      <div className="page-head">
        <h2>Sheets &amp; backups</h2>
      </div>
      <SheetSection
        request={
          request.accountId ? { accountId: request.accountId, serial: request.serial } : null
        }
        headingRef={sheetHeading}
      />
      <BackupsSection headingRef={backupsHeading} />
    </div>
  );
}
