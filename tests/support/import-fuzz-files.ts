import { strToU8, zipSync } from 'fflate';
import * as openpgp from 'openpgp';
import { corpusFile } from './corpus.js';
import { INTEROP_FILES } from './interop-cases.js';
import { writeKdbx } from './kdbx-files.js';

/**
 * Files of the formats issue 18 added, for the importer fuzzer: other apps'
 * test files (interop-cases), and a KeePass database, a 1Password .1pux, a
 * Proton Pass export (JSON, ZIP, PGP), a Steam maFile and a LastPass export
 * written here as their apps write them. Each with the password that opens it.
 */
export interface FuzzFile {
  name: string;
  bytes: Uint8Array;
  password?: string;
}

const SECRET = 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
const text = (value: unknown) => new Uint8Array(Buffer.from(JSON.stringify(value)));

export async function newFormatFuzzFiles(): Promise<FuzzFile[]> {
  const proton = {
    version: '1.27.2',
    userId: 'U',
    encrypted: false,
    vaults: {
      S: {
        name: 'Personal',
        items: [
          {
            itemId: 'i',
            state: 1,
            data: {
              type: 'login',
              metadata: { name: 'GitHub', note: 'n' },
              extraFields: [{ fieldName: 'code', type: 'totp', data: { totpUri: SECRET } }],
              content: {
                itemEmail: 'me@example.com',
                password: 'p',
                urls: ['https://github.com'],
                totpUri: `otpauth://totp/GitHub:me?secret=${SECRET}`,
              },
            },
          },
        ],
      },
    },
  };
  const protonZip = zipSync({ 'Proton Pass/data.json': strToU8(JSON.stringify(proton)) });
  const pgp = await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: protonZip }),
    passwords: ['pgp fuzz'],
    config: { s2kIterationCountByte: 96 },
    format: 'armored',
  });
  const onePux = zipSync({
    'export.data': strToU8(
      JSON.stringify({
        accounts: [
          {
            vaults: [
              {
                attrs: { name: 'Private' },
                items: [
                  {
                    state: 'active',
                    categoryUuid: '001',
                    overview: { title: 'Example', url: 'https://example.com', tags: ['t'] },
                    details: {
                      loginFields: [{ value: 'me', designation: 'username' }],
                      sections: [{ fields: [{ title: 'otp', value: { totp: SECRET } }] }],
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    ),
  });
  const kdbx = await writeKdbx([
    {
      group: ['Work'],
      fields: {
        Title: 'GitHub',
        UserName: 'me',
        Password: { protected: 'p' },
        otp: { protected: `otpauth://totp/GitHub:me?secret=${SECRET}` },
        'TimeOtp-Secret-Base32': { protected: SECRET },
      },
    },
  ]);
  return [
    ...INTEROP_FILES.map(({ file, password }) => ({ ...corpusFile(file), password }))
      // The 256 MiB × 16 Ente export takes seconds a decryption: once, in its own test.
      .filter((file) => file.name !== 'encrypted.nominalcomplexity.txt'),
    { name: 'db.kdbx', bytes: kdbx, password: 'kdbx' },
    { name: 'export.1pux', bytes: onePux },
    { name: 'data.json', bytes: text(proton) },
    { name: 'pass.zip', bytes: protonZip },
    { name: 'pass.pgp', bytes: new Uint8Array(Buffer.from(pgp)), password: 'pgp fuzz' },
    {
      name: 'steam.maFile',
      bytes: text({
        shared_secret: Buffer.from('0123456789abcdefghij').toString('base64'),
        account_name: 'gaben',
        revocation_code: 'R12345',
      }),
    },
    {
      name: 'lastpass.json',
      bytes: text({
        version: 3,
        accounts: [
          {
            issuerName: 'A',
            userName: 'b',
            secret: SECRET,
            timeStep: 30,
            digits: 6,
            algorithm: 'SHA1',
          },
        ],
        folders: [],
      }),
    },
  ];
}
