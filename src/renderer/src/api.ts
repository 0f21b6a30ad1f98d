import type {
  Envelope,
  EventName,
  EventPayload,
  InputOf,
  MethodName,
  ResultOf,
  SparekeyBridge,
  SparekeyEventBridge,
} from '../../shared/contract/index.js';
import { fieldIssuesOf } from '../../shared/contract/define.js';
import type { ErrorCode } from '../../shared/errors.js';
import { NOT_A_FIELD_OF_THE_FORM } from './ui/field-words.js';

declare global {
  interface Window {
    sparekey: SparekeyBridge;
    sparekeyEvents: SparekeyEventBridge;
  }
}

/** A refused call, with the core's code and its message for people. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls one contract method through `window.sparekey` and unwraps its envelope. */
export async function call<K extends MethodName>(name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const method = window.sparekey[name] as unknown as (
    input: InputOf<K>,
  ) => Promise<Envelope<ResultOf<K>>>;
  const envelope = await method(input);
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
}

/** Listens to one notification from main; returns the function that stops listening. */
export function onEvent<K extends EventName>(
  name: K,
  listener: (payload: EventPayload<K>) => void,
): () => void {
  return window.sparekeyEvents.on(name, listener);
}

/**
 * A refusal in words for a place with no field to show it at (a button, a
 * list): the core's sentence, or, for an input the contract refused, a
 * sentence that names no schema (forms word those at their fields, see useForm).
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong; nothing was changed.';
  if (fieldIssuesOf(error.details).length > 0) return NOT_A_FIELD_OF_THE_FORM;
  return error.message;
}
