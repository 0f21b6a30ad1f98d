import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/contract/index.js';
import { ERROR_CODES, VaultError } from '../../../src/shared/errors.js';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { parseCodeBlock } from '../../../src/core/backup-codes/code-block-parser.js';
import { parseOtpauthUri } from '../../../src/core/otp/otpauth.js';
import { corpusFile } from '../../support/corpus.js';
import { CORPUS_CASES } from '../../support/corpus-cases.js';
import { newFormatFuzzFiles } from '../../support/import-fuzz-files.js';
import { count, report } from '../../support/stress.js';
import { createTestVault, FAST_KDF, PASSWORD, tempVaultPath } from '../../support/temp-vault.js';

/** Runs `fn`; passes if it returns or throws a VaultError, fails on anything else (a crash). */
function typedOutcome(fn: () => unknown): 'ok' | string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (error instanceof VaultError) return error.code;
    throw error;
  }
}

const VALID_URIS = [
  'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30',
  'otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&algorithm=SHA256&digits=7&counter=50',
  'otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing&algorithm=SHA1&digits=5&period=30',
];

/** A valid URI with a few characters replaced, inserted or deleted. */
const mutatedUri = fc
  .tuple(
    fc.constantFrom(...VALID_URIS),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('replace', 'insert', 'delete'),
        fc.string({ minLength: 1, maxLength: 2 }),
      ),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  )
  .map(([uri, edits]) =>
    edits.reduce((text, [position, edit, chars]) => {
      const at = position % (text.length + 1);
      if (edit === 'delete') return text.slice(0, at) + text.slice(at + 1);
      if (edit === 'insert') return text.slice(0, at) + chars + text.slice(at);
      return text.slice(0, at) + chars + text.slice(at + chars.length);
    }, uri),
  );

/** otpauth URIs close to valid ones: real parameters with mutated values, mutated real URIs, and random text. */
const otpauthish = fc.oneof(
  { arbitrary: mutatedUri, weight: 3 },
  { arbitrary: fc.string(), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
  {
    arbitrary: fc
      .record({
        type: fc.constantFrom('totp', 'hotp', 'steam', 'TOTP', '', 'x'),
        label: fc.oneof(
          fc.string(),
          fc.constant('Issuer:name%40example.com'),
          fc.constant('%E0%A4%A'),
        ),
        params: fc.array(
          fc.tuple(
            fc.constantFrom(
              'secret',
              'issuer',
              'algorithm',
              'digits',
              'period',
              'counter',
              'encoder',
              'image',
              'x',
            ),
            fc.oneof(
              fc.string(),
              fc.constantFrom('JBSWY3DPEHPK3PXP', 'SHA512', '8', '0', '-1', '1e9', '%ZZ', 'steam'),
            ),
          ),
          { maxLength: 8 },
        ),
      })
      .map(
        ({ type, label, params }) =>
          `otpauth://${type}/${label}?${params.map(([name, value]) => `${name}=${value}`).join('&')}`,
      ),
    weight: 2,
  },
);

describe('fuzzing', () => {
  const runs = count(2000, 10_000);

  it(`the otpauth parser returns or refuses with INVALID_INPUT, for ${runs} inputs`, () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(otpauthish, (uri) => {
        const outcome = typedOutcome(() => parseOtpauthUri(uri));
        expect(['ok', 'INVALID_INPUT']).toContain(outcome);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: runs, seed: 4226 },
    );
    report('otpauth fuzz inputs', runs);
    report('  accepted', outcomes.get('ok') ?? 0);
    report('  refused (INVALID_INPUT)', outcomes.get('INVALID_INPUT') ?? 0);
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
  });

  it(`every contract method answers any input with an envelope, never a crash (${runs} calls)`, async () => {
    const session = new AppSession({ vaultPath: tempVaultPath(), ...FAST_KDF });
    const handlers = createHandlers(session);
    const log = { warn: () => undefined };
    const created = await dispatch(handlers, 'createVault', { password: PASSWORD }, log);
    expect(created.ok).toBe(true);
    const account = await dispatch(
      handlers,
      'addAccount',
      { issuer: 'Fuzz', seed: { secret: 'JBSWY3DPEHPK3PXP' } },
      log,
    );
    const accountId = account.ok ? (account.value as { id: string }).id : '';
    // Inputs shaped like real ones (with a real id sometimes) as well as arbitrary JSON.
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constant(accountId),
      fc.string(),
      fc.integer(),
      fc.constantFrom(
        'totp',
        'sms',
        'phone',
        '+12025550143',
        'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP',
      ),
    );
    const input = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(
        fc.constantFrom(
          'id',
          'ids',
          'accountId',
          'issuer',
          'seed',
          'kind',
          'value',
          'contactId',
          'password',
          'at',
          'label',
        ),
        value,
      ),
    );
    // Calls that would end the session or take seconds each are left to their own tests.
    const names = METHOD_NAMES.filter(
      (name) => !['createVault', 'unlockVault', 'lockVault', 'checkClock'].includes(name),
    );
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), input, async (name, raw) => {
        const envelope = await dispatch(handlers, name, raw, log);
        expect(typeof envelope.ok).toBe('boolean');
        const code = envelope.ok ? 'ok' : envelope.error.code;
        if (!envelope.ok) {
          expect(ERROR_CODES).toContain(envelope.error.code);
          expect(envelope.error.message).not.toMatch(/\n\s+at /);
          // An unexpected exception inside a handler is a bug, even though dispatch contains it.
          expect(envelope.error.message, `${name} ${JSON.stringify(raw)}`).not.toBe(
            'Something went wrong inside Sparekey; nothing was changed.',
          );
        }
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }),
      { numRuns: runs, seed: 6238 },
    );
    session.close();
    report('contract fuzz calls', runs);
    for (const [code, times] of [...codes].sort()) report(`  ${code}`, times);
  });
});

/** Random edits of real bytes: flips, insertions, deletions and a cut, seeded by fast-check. */
const byteEdits = fc.array(
  fc.tuple(
    fc.constantFrom('flip', 'insert', 'delete', 'cut'),
    fc.nat(),
    fc.integer({ min: 0, max: 255 }),
  ),
  { minLength: 1, maxLength: 4 },
);

function applyEdits(original: Uint8Array, edits: [string, number, number][]): Uint8Array {
  let bytes = Uint8Array.from(original);
  for (const [edit, position, value] of edits) {
    const at = bytes.length === 0 ? 0 : position % bytes.length;
    if (edit === 'flip' && bytes.length > 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << (value % 8));
    if (edit === 'insert')
      bytes = Uint8Array.from([...bytes.subarray(0, at), value, ...bytes.subarray(at)]);
    if (edit === 'delete')
      bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]);
    if (edit === 'cut') bytes = bytes.subarray(0, at);
  }
  return bytes;
}

describe('fuzzing the backup-code parser and the importers', () => {
  const runs = count(600, 10_000);
  const blocks = readdirSync('tests/fixtures/code-blocks')
    .filter((name) => name.endsWith('.txt') || name.endsWith('.csv'))
    .map((name) => readFileSync(join('tests/fixtures/code-blocks', name)));

  it(`the backup-code block parser always answers, for ${runs} mutated real pages and random texts`, () => {
    let codesFound = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          { arbitrary: fc.tuple(fc.constantFrom(...blocks), byteEdits), weight: 3 },
          {
            arbitrary: fc
              .string({ maxLength: 2000 })
              .map((text) => [Buffer.from(text), []] as const),
            weight: 1,
          },
        ),
        ([block, edits]) => {
          const text = Buffer.from(applyEdits(block, edits as [string, number, number][])).toString(
            'utf8',
          );
          const outcome = typedOutcome(() => {
            const parsed = parseCodeBlock(text);
            expect(Array.isArray(parsed.codes)).toBe(true);
            codesFound += parsed.codes.length;
          });
          expect(['ok', 'INVALID_INPUT']).toContain(outcome);
        },
      ),
      { numRuns: runs, seed: 1148 },
    );
    report('code-block parser fuzz inputs', runs);
    report('  codes found in them', codesFound);
  });

  it(
    `every importer turns a mutated corpus file into a plan or a typed error, writing nothing (${runs} files)`,
    async () => {
      const { vault } = await createTestVault();
      const files = [
        ...CORPUS_CASES.map(({ file, password }) => ({ ...corpusFile(file), password })),
        // Issue 18's formats and other apps' test files.
        ...(await newFormatFuzzFiles()),
      ];
      const outcomes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...files), byteEdits, async (file, edits) => {
          const bytes = applyEdits(file.bytes, edits as [string, number, number][]);
          let outcome = 'plan';
          try {
            const plan = await vault.imports.preview([{ name: file.name, bytes }], {
              password: () => Promise.resolve(file.password ?? 'wrong password'),
            });
            expect(Array.isArray(plan.entries)).toBe(true);
          } catch (error) {
            if (!(error instanceof VaultError)) throw error;
            // An importer's own refusal, never something escaping it (a bug the guard wraps).
            expect(error.details?.unexpected, `${file.name}: ${error.message}`).toBeUndefined();
            outcome = error.code;
          }
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }),
        { numRuns: runs, seed: 5418 },
      );
      expect(vault.accounts.list()).toEqual([]);
      vault.close();
      report('importer fuzz files', runs);
      for (const [outcome, times] of [...outcomes].sort()) report(`  ${outcome}`, times);
      // Encrypted files run their KDF (scrypt, Argon2id) each time: about 30 ms a file.
    },
    count(120_000, 1_200_000),
  );
});
