import { ErrorMessage } from '../ui/Forms.js';
import { ImportPasswords } from './ImportPasswords.js';
import { ImportPreviewPanel } from './ImportPreviewPanel.js';
import type { ImportPlan } from './useImportPlan.js';

/** The steps of an import after its files are chosen: passwords, the preview and its commit, the outcome. */
export function ImportPlanView({
  plan,
  fromImage = false,
}: {
  plan: ImportPlan;
  fromImage?: boolean;
}) {
  const { stage, action } = plan;
  return (
    <>
      {stage.kind === 'password' && (
        <ImportPasswords
          files={stage.files}
          needing={stage.needing}
          busy={action.busy}
          onSubmit={(files) => void plan.previewFiles(files)}
          onCancel={plan.reset}
        />
      )}
      {stage.kind === 'preview' && (
        <ImportPreviewPanel
          preview={stage.preview}
          showFiles={!fromImage}
          busy={action.busy}
          onCommit={() => void plan.commit()}
          onCancel={plan.reset}
        />
      )}
      {stage.kind === 'done' && (
        <p className="notice" role="status">
          Imported {stage.outcome.imported.length}{' '}
          {stage.outcome.imported.length === 1 ? 'account' : 'accounts'}
          {stage.added.length > 0 ? `: ${stage.added.join(', ')}` : ''}.
          {stage.outcome.duplicates > 0 && ` ${stage.outcome.duplicates} duplicates skipped.`}
          {stage.outcome.failed > 0 && ` ${stage.outcome.failed} unreadable entries left out.`}
        </p>
      )}
      <ErrorMessage error={action.error} />
    </>
  );
}
