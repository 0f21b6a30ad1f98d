import { ExportCard } from './ExportCard.js';
import { ImportCard } from './ImportCard.js';

/** Import from other apps and export to them; `onAccountsAdded` hears how many an import added. */
export function ImportExportView({
  onAccountsAdded,
}: {
  onAccountsAdded?: (count: number) => void;
}) {
  return (
    <div className="page">
      <div className="page-head">
        <h2>Import &amp; export</h2>
      </div>
      <ImportCard onAccountsAdded={onAccountsAdded} />
      <ExportCard />
    </div>
  );
}
