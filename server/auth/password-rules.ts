// What a new password must be: at least 12 characters, not the account's email or name, not one
// of the 10,000 most common passwords (the top of @zxcvbn-ts/language-common's ranked list), and
// not easy to guess by zxcvbn-ts's estimate (score 2 of 4 or more). The server applies these
// rules; the forms' strength meter shows the same estimate while typing. Pure.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { COMMON_PASSWORD_COUNT, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE } from './password-policy';

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

let commonPasswords: Set<string> | undefined;
let estimator: ZxcvbnFactory | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORD_COUNT));
  return commonPasswords.has(password.toLowerCase());
}

function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return estimator;
}

// zxcvbn-ts returns keys for its advice; these are the ones worth a sentence here.
const WARNINGS: Record<string, string> = {
  straightRow: 'Rows of keys are easy to guess.',
  keyPattern: 'Short keyboard patterns are easy to guess.',
  simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
  extendedRepeat: 'Repeated patterns like "abcabc" are easy to guess.',
  sequences: 'Sequences like "abc" or "6543" are easy to guess.',
  recentYears: 'Recent years are easy to guess.',
  dates: 'Dates are easy to guess.',
  topTen: 'This is a very common password.',
  topHundred: 'This is a very common password.',
  common: 'This is a commonly used password.',
  similarToCommon: 'This is close to a commonly used password.',
  wordByItself: 'A single word is easy to guess.',
  namesByThemselves: 'Names on their own are easy to guess.',
  commonNames: 'Common names are easy to guess.',
  userInputs: 'It contains your own details.',
};

export interface PasswordCheck {
  /** Why the server refuses it, or null when it is accepted. */
  problem: string | null;
  score: 0 | 1 | 2 | 3 | 4;
  label: (typeof STRENGTH_LABELS)[number];
  /** One sentence on what makes it guessable, when the estimator says so. */
  warning: string | null;
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export function checkPassword(password: string, account: { email?: string | null; name?: string | null }): PasswordCheck {
  const email = normalise(account.email ?? '');
  const name = normalise(account.name ?? '');
  const userInputs = [email, email.split('@')[0], name, ...name.split(' ')].filter((input) => input.length > 0);
  const estimate = getEstimator().check(password.slice(0, MAX_PASSWORD_LENGTH), userInputs);
  const score = estimate.score as PasswordCheck['score'];
  const warningKey = estimate.feedback.warning;
  const warning = warningKey ? (WARNINGS[warningKey] ?? null) : null;
  const result = { score, label: STRENGTH_LABELS[score], warning };

  const given = normalise(password);
  let problem: string | null = null;
  if (password.length < MIN_PASSWORD_LENGTH) problem = `Use at least ${MIN_PASSWORD_LENGTH} characters for the password (this one has ${password.length}).`;
  else if (password.length > MAX_PASSWORD_LENGTH) problem = `Keep the password under ${MAX_PASSWORD_LENGTH} characters.`;
  else if (given === email || given === email.split('@')[0] || given === name || given.replace(/ /g, '') === name.replace(/ /g, '')) {
    problem = 'Do not use your email address or your name as the password.';
  } else if (isCommon(password)) problem = `This is one of the ${COMMON_PASSWORD_COUNT.toLocaleString('en')} most common passwords: choose another.`;
  else if (score < MIN_PASSWORD_SCORE) problem = `This password is too easy to guess${warning ? `: ${warning.charAt(0).toLowerCase()}${warning.slice(1)}` : '.'} Add a few unrelated words.`;
  return { ...result, problem };
}
