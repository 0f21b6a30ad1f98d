import type { OtpSeed } from '../../src/shared/domain.js';

/** What each reference-set file of the corpus must yield (EXPECTED.md), for the core and CLI tests. */
export interface CorpusCase {
  file: string;
  password?: string;
  /** Issuers expected, in the file's order. */
  issuers: string[];
  /** False where the format does not carry the reference names (Bitwarden names items itself). */
  names?: boolean;
  /** What the format keeps of the reference seed (EXPECTED.md says where it differs). */
  seed?: (reference: OtpSeed) => OtpSeed;
  tags?: Record<string, string[]>;
}

const ALL = ['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE', 'Boeing'];
const totpOnly = (seed: OtpSeed): OtpSeed => ({
  ...seed,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
});
const hotpAsTotp = (seed: OtpSeed): OtpSeed =>
  seed.type === 'hotp' ? { ...seed, type: 'totp', period: 30, counter: 0 } : seed;

export const CORPUS_CASES: CorpusCase[] = [
  { file: 'aegis-tests/plain.txt', issuers: ALL },
  {
    file: 'aegis-tests/ente_auth.txt',
    issuers: ['Air Canada', 'Airbnb', 'Boeing', 'Deno', 'Issuu', 'SPDX', 'WWE'],
  },
  { file: 'aegis-tests/aegis_plain.json', issuers: ALL },
  {
    file: 'aegis-tests/aegis_plain_grouped_v2.json',
    issuers: ALL,
    tags: { Deno: ['group1'], Airbnb: ['group1'], Issuu: ['group2'], SPDX: [], WWE: [] },
  },
  { file: 'aegis-tests/aegis_encrypted.json', password: 'test', issuers: ALL },
  {
    file: 'aegis-tests/2fas_authenticator.json',
    issuers: ['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE'],
    seed: totpOnly,
  },
  {
    file: 'aegis-tests/2fas_authenticator_plain.2fas',
    issuers: ['Deno', 'Airbnb', 'Issuu', 'WWE'],
    seed: hotpAsTotp,
  },
  {
    file: 'aegis-tests/2fas_authenticator_encrypted.2fas',
    password: 'test',
    issuers: ['Deno', 'Airbnb', 'Issuu', 'WWE'],
    seed: hotpAsTotp,
  },
  {
    file: 'aegis-tests/2fas_authenticator_plain_v3.2fas',
    issuers: ['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE'],
  },
  {
    file: 'aegis-tests/2fas_authenticator_encrypted_v3.2fas',
    password: 'test',
    issuers: ['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE'],
  },
  {
    file: 'aegis-tests/2fas_authenticator_plain_v4.2fas',
    issuers: ['Deno', 'Issuu', 'Air Canada', 'WWE', 'Boeing'],
  },
  {
    file: 'aegis-tests/2fas_authenticator_encrypted_v4.2fas',
    password: 'test',
    issuers: ['Deno', 'Issuu', 'Air Canada', 'WWE', 'Boeing'],
  },
  {
    file: 'aegis-tests/bitwarden.json',
    issuers: ['Test 1', 'Test 2', 'Test 3', 'Test Steam'],
    names: false,
  },
  {
    file: 'aegis-tests/bitwarden.csv',
    issuers: ['Test 1', 'Test 2', 'Test 3', 'Test 4'],
    names: false,
  },
  { file: 'aegis-tests/andotp_plain.json', issuers: ALL },
  { file: 'aegis-tests/andotp_encrypted.bin', password: 'test', issuers: ALL },
  {
    file: 'aegis-tests/freeotp_plus.json',
    issuers: ['WWE', 'Air Canada', 'Issuu', 'Airbnb', 'SPDX', 'Deno'],
  },
  { file: 'aegis-tests/proton_authenticator.json', issuers: ['Deno', 'SPDX', 'Airbnb'] },
  { file: 'aegis-tests/stratum_plain.json', issuers: ALL },
  { file: 'aegis-tests/stratum_encrypted.bin', password: 'test', issuers: ALL },
];
