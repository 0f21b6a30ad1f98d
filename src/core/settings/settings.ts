import { invalidInput } from '../../shared/errors.js';
import type { VaultContext } from '../vault-context.js';
import {
  type VaultSettings,
  type VaultSettingsPatch,
  VaultSettingsSchema,
} from './settings-schema.js';

const SETTINGS_KIND = 'settings';
const SETTINGS_ID = 'vault';

/** The vault's settings, encrypted like every other record; defaults fill what was never set. */
export class SettingsService {
  constructor(private readonly context: VaultContext) {}

  get(): VaultSettings {
    return this.context.read(() => this.read());
  }

  update(patch: VaultSettingsPatch): VaultSettings {
    return this.context.write(() => {
      const parsed = VaultSettingsSchema.safeParse({ ...this.read(), ...patch });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalidInput(
          `The setting ${issue?.path.join('.') ?? ''} is invalid: ${issue?.message ?? 'bad value'}.`,
        );
      }
      this.context.records().put(SETTINGS_KIND, SETTINGS_ID, null, parsed.data);
      return parsed.data;
    });
  }

  private read(): VaultSettings {
    const stored = this.context.records().get(SETTINGS_KIND, SETTINGS_ID, VaultSettingsSchema);
    return stored?.value ?? VaultSettingsSchema.parse({});
  }
}
