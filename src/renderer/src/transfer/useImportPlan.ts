import { accountLabel } from '../../../shared/account-names.js';
import { useCallback, useState } from 'react';
import type { ImportPreviewResult } from '../../../shared/contract/import-methods.js';
import type { ImportOutcome, ImportPreview } from '../../../shared/import-export.js';
import { call } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import { type Action, useAction } from '../ui/useAction.js';

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
  action: Action;
  /** Files from the disk: a preview, or the files that need a password first. */
  previewFiles: (files: ImportFile[]) => Promise<void>;
  /** The codes in an image (a QR code, or a Google transfer QR code). */
  previewImage: (image: string) => Promise<void>;
  /** Adds the previewed accounts (one transaction); the outcome says which. */
  commit: () => Promise<ImportOutcome | undefined>;
  reset: () => void;
}

/**
 * An import, previewed first and committed as a whole. The plan itself (with
 * the seeds) stays in main under its id; it is dropped there when the vault locks.
 */
export function useImportPlan(onAccountsAdded?: (count: number) => void): ImportPlan {
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const action = useAction();
  const { run, setError } = action;
  const { changed } = useVaultData();

  const show = useCallback((result: ImportPreviewResult, files: ImportFile[]) => {
    setStage(
      result.needsPassword
        ? { kind: 'password', files, needing: result.files }
        : { kind: 'preview', planId: result.planId, preview: result.preview },
    );
  }, []);

  const previewFiles = useCallback(
    async (files: ImportFile[]) => {
      const result = await run(() => call('previewImport', { files }));
      if (result) show(result, files);
    },
    [run, show],
  );

  const previewImage = useCallback(
    async (image: string) => {
      const result = await run(() => call('decodeQrImage', { image }));
      if (result) show(result, []);
    },
    [run, show],
  );

  const commit = useCallback(async () => {
    if (stage.kind !== 'preview') return undefined;
    const outcome = await run(() => call('commitImport', { planId: stage.planId }));
    if (outcome) {
      const added = stage.preview.entries
        .filter((entry) => entry.duplicateOf === null)
        .map((entry) => accountLabel(entry));
      setStage({ kind: 'done', outcome, added });
      changed();
      onAccountsAdded?.(added.length);
    }
    return outcome;
  }, [stage, run, changed, onAccountsAdded]);

  const reset = useCallback(() => {
    setStage({ kind: 'idle' });
    setError(null);
  }, [setError]);

  return { stage, action, previewFiles, previewImage, commit, reset };
}
