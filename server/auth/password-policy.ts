// The password policy's numbers and its one-line summary, apart from the estimator so a form can
// show them without loading the password dictionaries. Pure.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const COMMON_PASSWORD_COUNT = 10_000;
/** zxcvbn's scale: 0 too guessable, 1 very guessable, 2 somewhat guessable, 3 safely, 4 very unguessable. */
export const MIN_PASSWORD_SCORE = 2;

export const PASSWORD_RULES_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, not your email or name, not a common password. A few unrelated words work well.`;
