import type { FieldIssue } from '../../shared/contract/define.js';
import { fieldIssuesOfZod } from '../../shared/contract/field-issues.js';
import { invalidInput } from '../../shared/errors.js';
import type { VaultContext } from '../vault-context.js';
import {
  type VaultSettings,
  type VaultSettingsPatch,
  VaultSettingsSchema,
} from './settings-schema.js';

const SETTINGS_KIND = 'settings';
const SETTINGS_ID = 'vault';

/** "The setting staleContactDays must be at least 1." */
function describeSetting(issue: FieldIssue | undefined): string {
  const name = `The setting ${issue?.field ?? ''}`;
  switch (issue?.problem) {
    case 'too-small':
      return `${name} must be at least ${issue.limit}.`;
    case 'too-large':
      return `${name} must be at most ${issue.limit}.`;
    case 'too-long':
      return `${name} is too long (at most ${issue.limit} characters).`;
    case 'whole-number':
      return `${name} must be a whole number.`;
    case 'required':
      return `${name} is empty.`;
    default:
      return `${name} cannot take that value.`;
  }
}

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
        // The fields and problems as data (the app words them at each setting); no schema text.
        const issues = fieldIssuesOfZod(parsed.error, patch);
        throw invalidInput(describeSetting(issues[0]), { issues });
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
