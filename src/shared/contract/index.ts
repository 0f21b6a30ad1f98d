import type { z } from 'zod';
import { accountMethods } from './account-methods.js';
import { backupCodeMethods } from './backup-code-methods.js';
import type { Envelope, MethodDefinition } from './define.js';
import { healthMethods } from './health-methods.js';
import { recoveryMethods } from './recovery-methods.js';
import { loginMethods } from './login-methods.js';
import { importMethods } from './import-methods.js';
import { desktopMethods } from './desktop-methods.js';
import { settingsMethods } from './settings-methods.js';
import { vaultMethods } from './vault-methods.js';
import { sheetMethods } from './sheet-methods.js';
import { fileMethods } from './file-methods.js';

/**
 * The whole IPC surface, defined once. The preload bridge, the main-side
 * handler table, the renderer's type of `window.sparekey` and the e2e test
 * host are all derived from this object: renaming a method breaks the build.
 */
export const contract = {
  ...vaultMethods,
  ...accountMethods,
  ...recoveryMethods,
  ...healthMethods,
  ...backupCodeMethods,
  ...loginMethods,
  ...importMethods,
  ...settingsMethods,
  ...desktopMethods,
  ...sheetMethods,
  ...fileMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

type DefinitionOf<K extends MethodName> = Contract[K];
/** What the renderer passes. */
export type InputOf<K extends MethodName> = z.input<DefinitionOf<K>['input']>;
/** What the handler receives, after validation. */
export type ValidInputOf<K extends MethodName> = z.output<DefinitionOf<K>['input']>;
export type ResultOf<K extends MethodName> =
  DefinitionOf<K> extends MethodDefinition<z.ZodType, infer Result> ? Result : never;

/** `window.sparekey`, as the preload exposes it: every method answers with an envelope. */
export type SparekeyBridge = {
  [K in MethodName]: (input: InputOf<K>) => Promise<Envelope<ResultOf<K>>>;
};

/** The main-side implementation of every method. */
export type Handlers = {
  [K in MethodName]: (input: ValidInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;
};

/** The IPC channel of a method. */
export function channelOf(name: MethodName): string {
  return `sparekey:${name}`;
}

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export type { Envelope } from './define.js';
export {
  contractEvents,
  EVENT_NAMES,
  eventChannelOf,
  isEventName,
  type EventName,
  type EventPayload,
  type EventSender,
  type LockReason,
  type SparekeyEventBridge,
} from './events.js';
