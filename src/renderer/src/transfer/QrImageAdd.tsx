import { type ClipboardEvent, useEffect, useRef } from 'react';
import { useToast } from '../ui/Toast.js';
import { ImportPlanView } from './ImportPlanView.js';
import { pastedImage } from './pasted-image.js';
import { base64Of } from './read-file.js';
import { useImportPlan } from './useImportPlan.js';

interface Props {
  /** An image pasted before this opened (Ctrl+V on the account form). */
  pasted: File | null;
  onImported: (ids: string[]) => void;
  onCancel: () => void;
}

/**
 * Adds the accounts in a QR code image (a site's setup QR code, or a Google
 * Authenticator transfer code with many accounts): chosen or pasted, previewed, committed.
 */
export function QrImageAdd({ pasted, onImported, onCancel }: Props) {
  const plan = useImportPlan();
  const toast = useToast();
  const { stage, previewImage, reset } = plan;
  const taken = useRef<File | null>(null);

  async function take(file: File | null | undefined) {
    if (!file) return;
    reset();
    await previewImage(await base64Of(file));
  }

  useEffect(() => {
    if (pasted !== null && taken.current !== pasted) {
      taken.current = pasted;
      void take(pasted);
    }
  });

  const reported = useRef<unknown>(null);
  useEffect(() => {
    if (stage.kind !== 'done' || reported.current === stage) return;
    reported.current = stage;
    const count = stage.outcome.imported.length;
    toast(`Added ${count} ${count === 1 ? 'account' : 'accounts'}: ${stage.added.join(', ')}.`);
    onImported(stage.outcome.imported);
  }, [stage, toast, onImported]);

  const onPaste = (event: ClipboardEvent) => {
    const image = pastedImage(event);
    if (image === null) return;
    event.preventDefault();
    void take(image);
  };

  return (
    <section className="form panel" aria-labelledby="qr-add-title" onPaste={onPaste}>
      <h2 id="qr-add-title">Add from a QR image</h2>
      {stage.kind !== 'preview' && (
        <>
          <label>
            QR code image (PNG, JPEG)
            <input
              autoComplete="off"
              type="file"
              accept="image/png,image/jpeg"
              autoFocus
              onChange={(event) => {
                void take(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </label>
          <p className="hint">
            Or paste a screenshot of the QR code with Ctrl+V. A Google Authenticator transfer code
            adds every account in it.
          </p>
          <div className="actions">
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      <ImportPlanView plan={plan} fromImage />
    </section>
  );
}
