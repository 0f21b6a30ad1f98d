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
  const { stage, form } = plan;
  return (
    <>
      {stage.kind === 'password' && (
        <ImportPasswords
          files={stage.files}
          needing={stage.needing}
          form={form}
          onSubmit={(files) => void plan.previewFiles(files, 'passwords')}
          onCancel={plan.reset}
        />
      )}
      {stage.kind === 'preview' && (
        <ImportPreviewPanel
          key={stage.planId}
          preview={stage.preview}
          showFiles={!fromImage}
          busy={form.busy}
          onCommit={(leaveOut) => void plan.commit(leaveOut)}
          onCancel={plan.reset}
        />
      )}
      {stage.kind === 'done' && (
        <p className="notice" role="status">
          Imported {stage.outcome.imported.length}{' '}
          {stage.outcome.imported.length === 1 ? 'account' : 'accounts'}
          {stage.added.length > 0 ? `: ${stage.added.join(', ')}` : ''}.
          {stage.outcome.leftOut > 0 && ` ${stage.outcome.leftOut} left out as you chose.`}
          {stage.outcome.duplicates > 0 && ` ${stage.outcome.duplicates} duplicates skipped.`}
          {stage.outcome.failed > 0 && ` ${stage.outcome.failed} unreadable entries left out.`}
        </p>
      )}
      {(stage.kind === 'preview' || stage.kind === 'done') && (
        <ErrorMessage error={form.formError} />
      )}
    </>
  );
}
