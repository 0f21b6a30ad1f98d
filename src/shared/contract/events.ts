import type { DesktopSettings } from './settings-methods.js';
import type { VaultStatus } from './vault-methods.js';

/** Why the vault locked; the unlock screen says it in plain words. */
export const LOCK_REASONS = [
  'user',
  'idle',
  'suspend',
  'screen-locked',
  'vault-file-changed',
  'restored',
] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/** One notification from main to the renderer. Payload is a type only: main is the sender. */
export interface EventDefinition<Payload> {
  /** Phantom: carries the payload type; never set at run time. */
  payload?: Payload;
}

function event<Payload>(): EventDefinition<Payload> {
  return {};
}

/**
 * Every notification main sends the renderer, defined once. The preload's
 * `window.sparekeyEvents`, the shell's sender and the e2e test host's mirror
 * are derived from it, like the methods of the contract.
 */
export const contractEvents = {
  /** The vault locked (any reason): the renderer drops everything it shows. */
  locked: event<{ reason: LockReason; status: VaultStatus }>(),
  /** Another vault file was chosen from the menu; it starts locked. */
  vaultChanged: event<VaultStatus>(),
  /** The vault's settings changed (from the settings view, or after an unlock). */
  settingsChanged: event<DesktopSettings>(),
};

export type ContractEvents = typeof contractEvents;
export type EventName = keyof ContractEvents;
export const EVENT_NAMES = Object.keys(contractEvents) as EventName[];
export type EventPayload<K extends EventName> =
  ContractEvents[K] extends EventDefinition<infer Payload> ? Payload : never;

/** Sends one event to the renderer (the Electron shell and the test host each provide one). */
export type EventSender = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** `window.sparekeyEvents`: subscribe to one event; the returned function unsubscribes. */
export interface SparekeyEventBridge {
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}

/** The IPC channel of an event. */
export function eventChannelOf(name: EventName): string {
  return `sparekey-event:${name}`;
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(contractEvents, value);
}
