import { type DragEvent, useState } from 'react';
import { SectionCard } from '../ui/SectionCard.js';
import { ImportPlanView } from './ImportPlanView.js';
import { importFilesOf } from './read-file.js';
import { useImportPlan } from './useImportPlan.js';

/**
 * Imports the export files of other apps (Aegis, 2FAS, Bitwarden, andOTP…):
 * chosen or dropped, previewed, then committed as a whole or not at all.
 */
export function ImportCard({ onAccountsAdded }: { onAccountsAdded?: (count: number) => void }) {
  const plan = useImportPlan(onAccountsAdded);
  const [dragging, setDragging] = useState(false);
  const choosing = plan.stage.kind === 'idle' || plan.stage.kind === 'done';

  async function take(files: FileList | null) {
    if (files === null || files.length === 0) return;
    plan.reset();
    await plan.previewFiles(await importFilesOf(files));
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (choosing) void take(event.dataTransfer.files);
  };

  return (
    <SectionCard id="import" title="Import from another app">
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {choosing && (
          <>
            <p className="muted">
              Aegis, 2FAS, Bitwarden, andOTP, FreeOTP+, Proton, Stratum or Ente exports, files of
              otpauth:// links, or QR code images. Nothing is added until you confirm the preview.
            </p>
            <label>
              Choose files (or drop them here)
              <input
                autoComplete="off"
                type="file"
                multiple
                onChange={(event) => {
                  void take(event.target.files);
                  event.target.value = '';
                }}
              />
            </label>
          </>
        )}
        <ImportPlanView plan={plan} />
      </div>
    </SectionCard>
  );
}
