// Text typed or pasted by people, made storable: PostgreSQL text cannot hold the NUL character,
// which sometimes comes along when pasting from terminals or binary-looking files. Pure.

const NUL = /\u0000/g;

export function withoutNul(text: string): string {
  return text.replace(NUL, '');
}
