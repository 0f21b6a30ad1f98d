import { randomBytes } from 'node:crypto';
import type { Handlers } from '../../../shared/contract/index.js';
import type { ImportPreviewResult } from '../../../shared/contract/import-methods.js';
import { VaultError } from '../../../shared/errors.js';
import type { ImportFormat } from '../../../shared/import-export.js';
import type { AppSession } from '../app-session.js';
import {
  systemClock,
  type ImportPlan,
  previewOf,
  type ImportFileInput,
  type Vault,
} from '../../../core/index.js';
import { MINUTE_MS } from '../../../shared/durations.js';

type ImportHandlers = Pick<
  Handlers,
  'previewImport' | 'commitImport' | 'decodeQrImage' | 'googleMigrationQr'
>;

/** How long a previewed plan (which holds seeds) waits in memory for its commit. */
export const PLAN_LIFETIME_MS = 15 * MINUTE_MS;
const MAX_PENDING_PLANS = 5;

interface PendingPlan {
  vault: Vault;
  plan: ImportPlan;
  expiresAt: number;
}

/**
 * Previewed imports waiting for a commit, in main only (the renderer gets an
 * opaque id). Dropped when committed, when the vault locks, and after a while.
 */
class PendingPlans {
  private readonly plans = new Map<string, PendingPlan>();

  constructor(private readonly session: AppSession) {
    session.onLock(() => this.plans.clear());
  }

  private now(): number {
    return (this.session.clock ?? systemClock).now();
  }

  add(vault: Vault, plan: ImportPlan): string {
    for (const [id, pending] of this.plans)
      if (pending.expiresAt <= this.now()) this.plans.delete(id);
    while (this.plans.size >= MAX_PENDING_PLANS) {
      const oldest = this.plans.keys().next().value;
      if (oldest === undefined) break;
      this.plans.delete(oldest);
    }
    const id = randomBytes(16).toString('hex');
    this.plans.set(id, { vault, plan, expiresAt: this.now() + PLAN_LIFETIME_MS });
    return id;
  }

  take(id: string, vault: Vault): ImportPlan {
    const pending = this.plans.get(id);
    this.plans.delete(id);
    if (pending === undefined || pending.expiresAt <= this.now() || pending.vault !== vault) {
      throw new VaultError(
        'NOT_FOUND',
        'This import preview has expired or was already used; preview the files again.',
      );
    }
    return pending.plan;
  }
}

export function importHandlers(session: AppSession): ImportHandlers {
  const pending = new PendingPlans(session);

  async function preview(
    files: (ImportFileInput & { password?: string | undefined })[],
    format?: ImportFormat,
  ): Promise<ImportPreviewResult> {
    const vault = session.unlocked();
    const names = files.map((file) => file.name);
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated !== undefined) {
      throw new VaultError('INVALID_INPUT', `Two of the files are named ${repeated}; rename one.`);
    }
    const needing = vault.imports
      .inspect(files, format)
      .filter((file, index) => file.encrypted && files[index]?.password === undefined)
      .map((file) => file.name);
    if (needing.length > 0) return { needsPassword: true, files: needing };
    const passwords = new Map(files.map((file) => [file.name, file.password]));
    const plan = await vault.imports.preview(files, {
      format,
      password: (name) => passwords.get(name),
    });
    return { needsPassword: false, planId: pending.add(vault, plan), preview: previewOf(plan) };
  }

  return {
    previewImport: ({ files, format }) =>
      preview(
        files.map(({ name, content, password }) => ({
          name,
          bytes: new Uint8Array(Buffer.from(content, 'base64')),
          password,
        })),
        format,
      ),
    commitImport: ({ planId, leaveOut }) => {
      const vault = session.unlocked();
      return vault.imports.commit(pending.take(planId, vault), { leaveOut: new Set(leaveOut) });
    },
    decodeQrImage: ({ image }) =>
      preview(
        [{ name: 'The image', bytes: new Uint8Array(Buffer.from(image, 'base64')) }],
        'qr-image',
      ),
    googleMigrationQr: async ({ ids }) => {
      const transfer = await session.unlocked().exports.googleTransferDataUrls(ids);
      return {
        images: transfer.images,
        exported: transfer.accounts.length,
        notExported: transfer.notExported,
      };
    },
  };
}
