import { createRequire } from 'node:module';
import type * as Protobuf from 'protobufjs/light.js';
import type { Type } from 'protobufjs/light.js';
import { invalidInput } from '../../shared/errors.js';

/**
 * Google Authenticator's account transfer: `otpauth-migration://offline?data=…`,
 * where data is a Base64 protobuf `MigrationPayload`. Enums are read as plain
 * numbers (wire-compatible), so a value Google adds later is reported, not lost.
 */
const MIGRATION_DESCRIPTOR = {
  nested: {
    MigrationPayload: {
      fields: {
        otpParameters: { rule: 'repeated', type: 'OtpParameters', id: 1 },
        version: { type: 'int32', id: 2 },
        batchSize: { type: 'int32', id: 3 },
        batchIndex: { type: 'int32', id: 4 },
        batchId: { type: 'int32', id: 5 },
      },
      nested: {
        OtpParameters: {
          fields: {
            secret: { type: 'bytes', id: 1 },
            name: { type: 'string', id: 2 },
            issuer: { type: 'string', id: 3 },
            algorithm: { type: 'int32', id: 4 },
            digits: { type: 'int32', id: 5 },
            type: { type: 'int32', id: 6 },
            counter: { type: 'int64', id: 7 },
          },
        },
      },
    },
  },
};

let migrationPayloadType: Type | null = null;

/** protobufjs, loaded on first use (synchronously: it is CommonJS) rather than for every command. */
function payloadType(): Type {
  if (migrationPayloadType === null) {
    const protobuf = createRequire(import.meta.url)('protobufjs/light.js') as typeof Protobuf;
    migrationPayloadType =
      protobuf.Root.fromJSON(MIGRATION_DESCRIPTOR).lookupType('MigrationPayload');
  }
  return migrationPayloadType;
}

export const MIGRATION_SCHEME = 'otpauth-migration:';

/** Algorithm: 0 unspecified (SHA1), 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5. */
export const MIGRATION_ALGORITHMS: Record<number, string> = {
  0: 'SHA1',
  1: 'SHA1',
  2: 'SHA256',
  3: 'SHA512',
  4: 'MD5',
};
/** Digit count: 0 unspecified (6), 1 six, 2 eight. */
export const MIGRATION_DIGITS: Record<number, number> = { 0: 6, 1: 6, 2: 8 };
/** OTP type: 0 unspecified (TOTP), 1 HOTP, 2 TOTP. */
export const MIGRATION_TYPES: Record<number, 'hotp' | 'totp'> = { 0: 'totp', 1: 'hotp', 2: 'totp' };

export interface MigrationOtp {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: number;
}

export interface MigrationPayload {
  otpParameters: MigrationOtp[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

export function isMigrationUri(text: string): boolean {
  return text.trim().toLowerCase().startsWith(MIGRATION_SCHEME);
}

/** Reads an otpauth-migration URI; throws INVALID_INPUT naming what is wrong. */
export function parseMigrationUri(uri: string): MigrationPayload {
  const text = uri.trim();
  const query = text.slice(text.indexOf('?') + 1);
  const raw = query
    .split('&')
    .find((pair) => pair.toLowerCase().startsWith('data='))
    ?.slice('data='.length);
  if (!isMigrationUri(text) || text.indexOf('?') < 0 || raw === undefined || raw === '') {
    throw invalidInput('the Google Authenticator transfer link has no data');
  }
  let base64: string;
  try {
    base64 = decodeURIComponent(raw).replace(/ /g, '+');
  } catch {
    throw invalidInput('the Google Authenticator transfer link is not validly URL-encoded');
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(base64)) {
    throw invalidInput('the data of the Google Authenticator transfer link is not Base64');
  }
  return decodeMigrationPayload(Buffer.from(base64, base64.includes('_') ? 'base64url' : 'base64'));
}

export function decodeMigrationPayload(bytes: Uint8Array): MigrationPayload {
  let decoded: Record<string, unknown>;
  try {
    const type = payloadType();
    decoded = type.toObject(type.decode(bytes), {
      longs: Number,
      defaults: true,
      arrays: true,
    });
  } catch {
    throw invalidInput('the Google Authenticator transfer data is damaged (it does not decode)');
  }
  const parameters = (decoded.otpParameters as Record<string, unknown>[]).map((otp) => ({
    secret: new Uint8Array(otp.secret as Uint8Array),
    name: String(otp.name),
    issuer: String(otp.issuer),
    algorithm: Number(otp.algorithm),
    digits: Number(otp.digits),
    type: Number(otp.type),
    counter: Number(otp.counter),
  }));
  return {
    otpParameters: parameters,
    version: Number(decoded.version),
    batchSize: Number(decoded.batchSize),
    batchIndex: Number(decoded.batchIndex),
    batchId: Number(decoded.batchId),
  };
}

export function encodeMigrationPayload(payload: MigrationPayload): Uint8Array {
  const type = payloadType();
  return type.encode(type.fromObject(payload)).finish();
}

export function formatMigrationUri(payload: MigrationPayload): string {
  const data = Buffer.from(encodeMigrationPayload(payload)).toString('base64');
  return `otpauth-migration://offline?data=${encodeURIComponent(data)}`;
}
