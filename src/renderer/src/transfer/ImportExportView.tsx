import { ExportCard } from './ExportCard.js';
import { ImportCard } from './ImportCard.js';

/** Import from other apps and export to them. */
export function ImportExportView() {
  return (
    <div className="page">
      <div className="page-head">
        <h2>Import &amp; export</h2>
      </div>
      <ImportCard />
      <ExportCard />
    </div>
  );
}
