import { accountLabel } from '../../../shared/account-names.js';
import { useCallback, useState } from 'react';
import type { ImportPreviewResult } from '../../../shared/contract/import-methods.js';
import type { ImportOutcome, ImportPreview } from '../../../shared/import-export.js';
import { call } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import type { Form } from '../ui/useForm.js';

export interface ImportFile {
  name: string;
  content: string;
  password?: string;
}

/** Where an import stands: nothing yet, passwords asked, a preview waiting for its commit, done. */
export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'password'; files: ImportFile[]; needing: string[] }
  | { kind: 'preview'; planId: string; preview: ImportPreview }
  | { kind: 'done'; outcome: ImportOutcome; added: string[] };

export interface ImportPlan {
  stage: ImportStage;
  form: Form;
  /**
   * Files from the disk, or pasted text: a preview, or the files that need a
   * password first. A refusal is shown at `field` (the drop zone, the text area).
   */
  previewFiles: (files: ImportFile[], field: string) => Promise<boolean>;
  /** The codes in an image (a QR code, or a Google transfer QR code). */
  previewImage: (image: string) => Promise<void>;
  /** Adds the previewed accounts but those left out (indexes of the preview's entries), in one transaction. */
  commit: (leaveOut: ReadonlySet<number>) => Promise<ImportOutcome | undefined>;
  reset: () => void;
}

/**
 * An import, previewed first and committed as a whole. The plan itself (with
 * the seeds) stays in main under its id; it is dropped there when the vault locks.
 */
export function useImportPlan(form: Form, onAccountsAdded?: (count: number) => void): ImportPlan {
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const { run, clear } = form;
  const { changed } = useVaultData();

  const show = useCallback((result: ImportPreviewResult, files: ImportFile[]) => {
    setStage(
      result.needsPassword
        ? { kind: 'password', files, needing: result.files }
        : { kind: 'preview', planId: result.planId, preview: result.preview },
    );
  }, []);

  const previewFiles = useCallback(
    async (files: ImportFile[], field: string) => {
      const result = await run(() => call('previewImport', { files }), { coreField: field });
      if (result) show(result, files);
      return result !== undefined;
    },
    [run, show],
  );

  const previewImage = useCallback(
    async (image: string) => {
      const result = await run(() => call('decodeQrImage', { image }), { coreField: 'image' });
      if (result) show(result, []);
    },
    [run, show],
  );

  const commit = useCallback(
    async (leaveOut: ReadonlySet<number>) => {
      if (stage.kind !== 'preview') return undefined;
      // A refusal now concerns the preview as a whole (expired, already committed).
      const outcome = await run(
        () =>
          call('commitImport', {
            planId: stage.planId,
            ...(leaveOut.size > 0 ? { leaveOut: [...leaveOut] } : {}),
          }),
        { coreField: null },
      );
      if (outcome) {
        const added = stage.preview.entries
          .filter((entry, index) => entry.duplicateOf === null && !leaveOut.has(index))
          .map((entry) => accountLabel(entry));
        setStage({ kind: 'done', outcome, added });
        changed();
        onAccountsAdded?.(added.length);
      }
      return outcome;
    },
    [stage, run, changed, onAccountsAdded],
  );

  const reset = useCallback(() => {
    setStage({ kind: 'idle' });
    clear();
  }, [clear]);

  return { stage, form, previewFiles, previewImage, commit, reset };
}
