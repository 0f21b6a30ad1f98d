import type { OtpAlgorithm, OtpType } from '../../src/shared/domain.js';

/**
 * Other apps' test files that Sparekey was not built against (copied into
 * tests/fixtures/importers, see SOURCES.md), and the entries those apps
 * themselves accept from them, per their own tests: the measure of issue 18
 * ("of the entries other apps accept, how many come in exactly"). Names are as
 * the app that wrote the file shows them.
 */
export interface InteropEntry {
  issuer: string;
  accountName: string;
  secret: string;
  type?: OtpType;
  algorithm?: OtpAlgorithm;
  digits?: number;
  period?: number;
  counter?: number;
}

export interface InteropFile {
  file: string;
  /** The app whose tests hold the file, and what they say it yields. */
  source: string;
  password?: string;
  accepted: InteropEntry[];
}

const totp = (
  issuer: string,
  accountName: string,
  secret: string,
  extra: Partial<InteropEntry> = {},
): InteropEntry => ({ issuer, accountName, secret, ...extra });
const steam = (issuer: string, accountName: string, secret: string): InteropEntry =>
  totp(issuer, accountName, secret, { type: 'steam', digits: 5 });

const PI = '7KSQL2JTUDIS5EF65KLMRQIIGY';

export const INTEROP_FILES: InteropFile[] = [
  {
    file: 'scito-tests/example_export.txt',
    source: 'extract_otp_secrets (example_output.json: 6 accounts)',
    accepted: [
      totp('raspberrypi', 'pi@raspberrypi', PI),
      totp('', 'pi@raspberrypi', PI),
      totp('', 'pi@raspberrypi', PI),
      totp('raspberrypi', 'pi@raspberrypi', PI),
      totp('', 'hotp demo', PI, { type: 'hotp', counter: 4 }),
      totp('', 'encoding: ¿äÄéÉ? (demo)', PI),
    ],
  },
  {
    file: 'scito-tests/test_plus_problem_export.txt',
    source: 'extract_otp_secrets (4 accounts; "+" and "/" unescaped in the data)',
    accepted: [
      totp('SerenityLabs', 'test1@serenitylabs.co.uk', 'A4RFDYMF4GSLUIBQV4ZP67OJEZ2XUQVM'),
      totp('SerenityLabs', 'test2@serenitylabs.co.uk', 'SCDDZ7PW5MOZLE3PQCAZM7L4S35K3UDX'),
      totp('SerenityLabs', 'test3@serenitylabs.co.uk', 'TR76272RVYO6EAEY2FX7W7R7KUDEGPJ4'),
      totp('SerenityLabs', 'test4@serenitylabs.co.uk', 'N2ILWSXSJUQUB7S6NONPJSC62NPG7EXN'),
    ],
  },
  {
    file: 'proton-tests/2fas/decrypted.2fas',
    source: 'Proton Authenticator (2 entries)',
    accepted: [totp('myissuer', 'mylabeldefault', 'MYSECRET'), steam('Steam', '', 'STEAMKEY')],
  },
  {
    file: 'proton-tests/2fas/decrypted_ios.2fas',
    source: 'Proton Authenticator (2 entries)',
    accepted: [
      totp('Code1 2FAS', '', 'JDJDBDBDDBDBBXBXB'),
      totp('Code2 2FAS', '', 'JDJDUZBXHSHDBXBXHBB'),
    ],
  },
  {
    file: 'proton-tests/2fas/decrypted_with_hotp.2fas',
    source: 'Proton Authenticator (1 entry; it refuses HOTP, which Sparekey also imports)',
    accepted: [totp('Proton', 'den den', 'IAKDNDND')],
  },
  {
    file: 'proton-tests/2fas/decrypted_with_hotp_and_unsupported_algorithms.2fas',
    source: 'Proton Authenticator (none: HOTP and SHA384)',
    accepted: [],
  },
  {
    file: 'proton-tests/2fas/decrypted_with_hotp_missing_period.2fas',
    source: 'Proton Authenticator (3 entries; HOTP refused)',
    accepted: [
      totp('Item1', 'Additional item', 'gfjdhdjdjdjdnjdjf', { period: 60 }),
      totp('Item256', 'Bdjdbfjr', 'hdidvdjdbdjf', { algorithm: 'SHA256', digits: 8, period: 90 }),
      totp('Item512', 'Additional info', 'hxoxhdjdbdjfjfjhf', { algorithm: 'SHA512', digits: 7 }),
    ],
  },
  {
    file: 'proton-tests/2fas/decrypted_with_manual_entries.2fas',
    source: 'Proton Authenticator (11 entries; HOTP refused)',
    accepted: [
      totp('Amazon', 'some@test.email', 'IUIUCFKMTXQZUV5U7LE664BVXQ4K7PDSDKHZ4QTZAC5GVIBMMZ6A'),
      totp('GitHub', 'Test-acc', 'KOCK222AHLNV4TW6'),
      totp('Facebook', 'random.sometest', 'IYLZ3FWEJRCCQZS7NYP3PLZDDX3I3C4M'),
      totp('Google', 'some@test.email', 'v4yx7jv5ynqadqgr2uo753cqc5rwkrn7'),
      totp('LinkedIn', 'some@test.email', '2YR5IOOODODSXKW725H54V7MXIKZATD7'),
      totp('Binance.com', 'some@test.email', 'NFRVOZJ6FFZQXX6G'),
      totp('kick', 'some@test.email', 'JYUAHOREVBAX3XEB'),
      totp('Proton', 'sometestaccount@proton.me', 'XEMYPVZTB6AMR6O3S7XZZ37VPH32YICW'),
      totp('Reddit', 'Some-Account1234', 'OAL6R5T5CBSYUZSLO356EBGSJWZ7JLO2'),
      totp('20', '', 'dhjdxhchhchch'),
      totp('Manual', '', 'hssjdhhxhxh'),
    ],
  },
  {
    file: 'proton-tests/2fas/decrypted_with_missing_fields.2fas',
    source: 'Proton Authenticator (1 entry)',
    accepted: [
      totp('Amazon', 'atest@email.com', 'IUIUCFKMTXQZUV5U7LE664BVXQ4K7PDSDKHZ4QTZAC5GVIBMMZ6A'),
    ],
  },
  {
    file: 'proton-tests/aegis/aegis-json-unencrypted-hotp.json',
    source: 'Proton Authenticator (1 entry; HOTP refused)',
    accepted: [totp('', 'Test', 'ABCDEFA')],
  },
  {
    file: 'proton-tests/aegis/aegis-json-unencrypted-with-missing-fields.json',
    source: 'Proton Authenticator (3 entries)',
    accepted: [
      totp('Proton', 'some@test.email', 'AQI55ICZEMJW2W67PAUVQ3BFN7LJBOQD'),
      totp('Amazon', 'some@account.test', 'IUIUCFKMTXQZUV5U7LE664BVXQ4K7PDSDKHZ4QTZAC5GVIBMMZ6A'),
      totp('', 'Somename', 'CHJDDHDHXE', { algorithm: 'SHA256', digits: 7 }),
    ],
  },
  {
    file: 'proton-tests/aegis/aegis-json-unencrypted-with-bad-period-digits.json',
    source: 'none: 0 digits and a 0-second period are no code (Aegis refuses them)',
    accepted: [],
  },
  {
    file: 'proton-tests/bitwarden/bitwarden.json',
    source: 'Proton Authenticator (4 entries)',
    accepted: [
      totp('ISSUER', 'LABEL_256_8_15', 'SECRETDATA', {
        algorithm: 'SHA256',
        digits: 8,
        period: 15,
      }),
      totp('ISSUER_DEFAULT', 'LABEL_DEFAULT', 'SOMESECRET'),
      steam('SteamName', '', 'STEAMKEY'),
      totp('SevenDigits', 'Seven digit username', 'SEVENDIGITSECRET', { digits: 7 }),
    ],
  },
  {
    file: 'proton-tests/bitwarden/bitwarden_app.json',
    source: 'Proton Authenticator (1 entry)',
    accepted: [totp('ItemWithTOTP', 'myusername', 'KNKVARKSKNCUGUSFKRFUKWJR')],
  },
  {
    file: 'proton-tests/bitwarden/bitwarden_sample.csv',
    source: 'Proton Authenticator (3 entries)',
    accepted: [
      totp('Code 2', '', 'NDSKXJHDJNDBDBBB'),
      totp('Code 3', '', 'JSJZJFBBDK'),
      totp('Code1', '', 'JDKSNDJJDNDJJDBXB'),
    ],
  },
  {
    file: 'proton-tests/ente/plain_20_entries.txt',
    source: 'Proton Authenticator (20 entries, one secret)',
    accepted: Array.from({ length: 20 }, (_, index) =>
      totp('Proton', `Account ${index + 1}`, 'SECRETO'),
    ),
  },
  {
    file: 'proton-tests/ente/plain_with_steam_and_hotp.txt',
    source:
      'Proton Authenticator (1 entry; it refuses Steam and HOTP from Ente, Sparekey imports them)',
    accepted: [totp('Item3-90sec', 'additional info', 'NDJDJFNXNNCNCNC', { period: 90 })],
  },
  {
    file: 'proton-tests/ente/plain_with_hotp.txt',
    source: 'Proton Authenticator (5 entries, one of them in Ente’s trash; HOTP refused)',
    accepted: [
      totp('', 'account', 'xbjzbxbxbcbcbb'),
      totp('', 'title no issuer', 'irnshxhxbxbxbbxbb'),
      totp('code1 ente', 'jdjdbfbdbdbdb', 'XHAJDBHDBXVBDNSNNSNB'),
      totp('issuer', 'account', 'jdjdbfhfjdhdhxnb'),
      totp('issuer', 'amazon', 'CBKANXSKXBJSJDNBDBDNXBXNNXBN'),
    ],
  },
  {
    file: 'proton-tests/ente/plain_with_missing_fields.txt',
    source: 'Proton Authenticator (1 entry)',
    accepted: [totp('', 'accountname', 'jcxjjxjxjcjxnnn')],
  },
  {
    file: 'proton-tests/ente/encrypted.lowcomplexity.txt',
    source: 'Proton Authenticator (2 entries; HOTP refused)',
    password: 'password',
    accepted: [
      totp('issuertest', 'accountest', 'secretdata', { algorithm: 'SHA256' }),
      steam('steam', 'steam', 'AAAAAAAAA'),
    ],
  },
  {
    file: 'proton-tests/ente/encrypted.nominalcomplexity.txt',
    source: 'Proton Authenticator (2 entries; HOTP refused; one chunk not tagged final)',
    password: 'password',
    accepted: [
      totp('MYISSUER', 'MYLABEL', 'MYSECRET'),
      steam('Steam', 'STEAMACCOUNT', 'STEAMSECRET'),
    ],
  },
  {
    file: 'proton-tests/lastpass/lastpass_ios_export.json',
    source: 'Proton Authenticator (2 entries)',
    accepted: [
      totp('code 1 lastpass', 'snjxxndjbdbdb', 'MDLAXBJJZBXBXZJZBBZBB'),
      totp('code2 lastpass', 'ndjdbxxnbcb', 'KSJFBDJDBXJBXJXBXJ'),
    ],
  },
  {
    file: 'proton-tests/lastpass/lastpass_missing_fields.json',
    source: 'Proton Authenticator (1 entry)',
    accepted: [totp('', 'sometest', 'CDJDHHDHXHXBXBHNDDNNDN')],
  },
  {
    file: 'proton-ios-tests/bitwarden.csv',
    source: 'Proton Authenticator for iOS (4 entries; 6 columns in the header, 9 in the rows)',
    accepted: [
      totp('ISSUER', 'LABEL_256_8_15', 'SECRETDATA', {
        algorithm: 'SHA256',
        digits: 8,
        period: 15,
      }),
      totp('ISSUER_DEFAULT', 'LABEL_DEFAULT', 'SOMESECRET'),
      steam('SteamName', '', 'STEAMKEY'),
      totp('SevenDigits', 'Seven digit username', 'SEVENDIGITSECRET', { digits: 7 }),
    ],
  },
  {
    file: 'proton-ios-tests/ente.txt',
    source: 'Proton Authenticator for iOS (2 entries)',
    accepted: [
      totp('MyIssuer', 'MyLabel256_8_15', 'JVMVGRKDKJCVI===', {
        algorithm: 'SHA256',
        digits: 8,
        period: 15,
      }),
      totp('MyIssuer', 'MyLabelDefault', 'JVMVGRKDKJCVI==='),
    ],
  },
  {
    file: 'proton-ios-tests/lastpass.json',
    source: 'Proton Authenticator for iOS (3 entries)',
    accepted: [
      totp('issuer', 'account name default', 'BDKSIEHWBDBBDBDZBZJ'),
      totp('other', '', 'JDJSKDKDKDKDKDKDK', { algorithm: 'SHA256', digits: 8, period: 20 }),
      totp('', 'sha512 name', 'JDJDDJDJUEJEBDBFNF', { algorithm: 'SHA512' }),
    ],
  },
  {
    file: 'proton-ios-tests/aegis.txt',
    source: 'Proton Authenticator for iOS (3 entries)',
    accepted: [
      totp('myissuer', 'mylabel815256', 'MYSECRET', { algorithm: 'SHA256', digits: 8, period: 15 }),
      totp('myissuer', 'mylabeldefault', 'MYSECRET'),
      steam('Steam', 'Steam', 'STEAMKEY'),
    ],
  },
  {
    file: 'proton-ios-tests/aegis_plain.json',
    source: 'Proton Authenticator for iOS (3 entries)',
    accepted: [
      totp('myissuer', 'mylabel815256', 'MYSECRET', { algorithm: 'SHA256', digits: 8, period: 15 }),
      totp('myissuer', 'mylabeldefault', 'MYSECRET'),
      steam('Steam', 'Steam', 'STEAMKEY'),
    ],
  },
];
