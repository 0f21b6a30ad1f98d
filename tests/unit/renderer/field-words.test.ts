import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/renderer/src/api.js';
import { fieldFor, wordIssue } from '../../../src/renderer/src/ui/field-words.js';
import { placeRefusal } from '../../../src/renderer/src/ui/useForm.js';

const FIELDS = {
  value: { noun: 'the phone number', say: { required: 'Type the phone number.' } },
  notes: { noun: 'the notes', plural: true },
  seed: { noun: 'the setup key' },
  'files.*.password': { noun: 'the password' },
};

describe('a refusal placed at its field, in the form’s words', () => {
  it('words each problem for the field, its own sentence first', () => {
    expect(wordIssue({ problem: 'required' }, FIELDS.value)).toBe('Type the phone number.');
    expect(wordIssue({ problem: 'too-long', limit: 20_000 }, FIELDS.notes)).toBe(
      'The notes are too long: at most 20,000 characters.',
    );
    expect(wordIssue({ problem: 'too-large', limit: 100 }, { noun: 'the warning' })).toBe(
      'The warning can be at most 100.',
    );
  });

  it('finds the field that holds a path: nested, or any entry of a list', () => {
    expect(fieldFor('seed.otpauth', FIELDS)).toBe('seed');
    expect(fieldFor('files.3.password', FIELDS)).toBe('files.*.password');
    expect(fieldFor('accountId', FIELDS)).toBeNull();
  });

  it('puts the contract’s issues at their fields, and one about no field on the form', () => {
    const refused = new ApiError('INVALID_INPUT', 'The input was refused: …', {
      issues: [
        { field: 'value', problem: 'required' },
        { field: 'notes', problem: 'too-long', limit: 20_000 },
        { field: 'accountId', problem: 'format' },
      ],
    });
    const placed = placeRefusal(refused, { fields: FIELDS });
    expect(placed.errors).toEqual({
      value: 'Type the phone number.',
      notes: 'The notes are too long: at most 20,000 characters.',
    });
    expect(placed.formError).toMatch(/^Sparekey could not use what was sent/);
    expect(JSON.stringify(placed)).not.toMatch(/refused: …|accountId/);
  });

  it('puts the core’s refusal at the field it names, else at the form’s field, else on the form', () => {
    const named = new ApiError('INVALID_INPUT', 'The notes are too long.', { field: 'notes' });
    expect(placeRefusal(named, { fields: FIELDS, coreField: 'value' }).errors).toEqual({
      notes: 'The notes are too long.',
    });
    const unnamed = new ApiError('INVALID_INPUT', '"x" is not a phone number.');
    expect(placeRefusal(unnamed, { fields: FIELDS, coreField: 'value' }).errors).toEqual({
      value: '"x" is not a phone number.',
    });
    const locked = new ApiError('LOCKED', 'The vault is locked.');
    expect(placeRefusal(locked, { fields: FIELDS, coreField: 'value' })).toEqual({
      errors: {},
      formError: 'The vault is locked.',
    });
    expect(placeRefusal(new Error('boom'), { fields: FIELDS }).formError).toBe(
      'Something went wrong; nothing was changed.',
    );
  });
});
