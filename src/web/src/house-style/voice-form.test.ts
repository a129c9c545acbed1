import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { VoiceProfile } from './house-style.api';
import { fromVoiceForm, toVoiceForm, validateVoiceForm, voiceFieldErrors } from './voice-form';

const MESSAGES = { required: 'required', wholeNumber: 'whole', positive: 'positive' };

describe('voice form', () => {
  it('reads an empty profile as "no rule" everywhere, and writes it back empty', () => {
    const form = toVoiceForm({});
    expect(form).toMatchObject({ formality: 'any', emoji: 'free', maxExclamations: '', maxGrade: '' });
    expect(form.disclosureRequired).toBe(true);
    expect(fromVoiceForm(form)).toEqual({});
  });

  it('round-trips every field of a full profile', () => {
    const voice: VoiceProfile = {
      formality: 'formal',
      emoji: 'few',
      maxExclamations: 0,
      bannedTerms: [
        { term: 'cheap', replacement: 'affordable', reason: 'We are not a discount brand' },
        { term: 'guys' },
      ],
      disclosure: { required: true, tags: ['#collab'] },
      readingLevel: { maxGrade: 8.5 },
    };
    expect(fromVoiceForm(toVoiceForm(voice))).toEqual(voice);
  });

  it('keeps a disclosure turned off, trims terms and drops blank rows', () => {
    const form = toVoiceForm({});
    form.disclosureRequired = false;
    form.bannedTerms = [
      { term: ' cheap ', replacement: ' affordable ', reason: ' ' },
      { term: '', replacement: '', reason: '' },
    ];
    form.maxExclamations = '2';
    expect(fromVoiceForm(form)).toEqual({
      maxExclamations: 2,
      bannedTerms: [{ term: 'cheap', replacement: 'affordable' }],
      disclosure: { required: false },
    });
  });

  it('asks for the term of a row that has a replacement, and for sensible numbers', () => {
    const form = toVoiceForm({});
    form.bannedTerms = [{ term: '', replacement: 'affordable', reason: '' }];
    form.maxExclamations = 1.5;
    form.maxGrade = 0;
    expect(validateVoiceForm(form, MESSAGES)).toEqual({
      'bannedTerms.0.term': 'required',
      maxExclamations: 'whole',
      maxGrade: 'positive',
    });
  });

  it('puts the API field errors on the form fields', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid request', [
      { path: 'body.emoji', message: 'Invalid option' },
      { path: 'body.bannedTerms.1.term', message: 'Too short' },
      { path: 'body.disclosure.tags.0', message: 'Too short' },
      { path: 'body.readingLevel.maxGrade', message: 'Too small' },
      { path: 'body.somethingElse', message: 'Unknown' },
    ]);
    expect(voiceFieldErrors(error)).toEqual({
      emoji: 'Invalid option',
      'bannedTerms.1.term': 'Too short',
      disclosureTags: 'Too short',
      maxGrade: 'Too small',
    });
    expect(voiceFieldErrors(new Error('boom'))).toEqual({});
  });
});
