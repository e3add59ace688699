import { z } from 'zod';

/**
 * Characters no free text may hold: C0 and C1 controls (NUL among them; PostgreSQL refuses NUL
 * in text and JSONB), UTF-16 surrogates that are not half of a pair (JSONB refuses them too),
 * the line and paragraph separators, and the bidirectional embeddings, overrides and isolates
 * that make a name display as something else. Tab, line feed and carriage return are allowed in
 * multi-line text only. With the `u` flag a surrogate pair is one code point, so emoji and other
 * astral characters pass; only an unpaired half falls in \ud800-\udfff.
 */
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const FORBIDDEN_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u;
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u;

export type TextOptions = {
  /** The longest text accepted, in UTF-16 code units (JavaScript's `length`); appears in OpenAPI as maxLength. */
  readonly max: number;
  /** The shortest, after trimming; 1 for a name that must be given. */
  readonly min?: number;
  /** Tab, line feed and carriage return allowed (descriptions, reasons, prompts); never in names or labels. */
  readonly multiline?: boolean;
  /** Leading and trailing white space removed before the checks (default); off where the exact text matters. */
  readonly trim?: boolean;
};

const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a text, naming the first offending character and where it is; null when it is clean. */
export const textProblem = (value: string, multiline = false): string | null => {
  const match = (multiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).exec(value);
  if (!match) return null;
  const c = match[0];
  const what =
    c >= '\ud800' && c <= '\udfff'
      ? 'an unpaired UTF-16 surrogate'
      : c === '\u2028' || c === '\u2029'
        ? 'a line or paragraph separator'
        : c >= '\u202a'
          ? 'a bidirectional control character'
          : 'a control character';
  const allowed = multiline ? 'only tab and line breaks are allowed among control characters' : 'text here is a single line';
  return `contains ${what} (${codePoint(c)}) at position ${match.index + 1}; ${allowed}`;
};

/**
 * The one schema for free text in every contract: trimmed, free of control characters and
 * unpaired surrogates, with a stated length limit. Identifiers are not free text: they have
 * their own patterns.
 */
export const text = ({ max, min = 0, multiline = false, trim = true }: TextOptions): z.ZodString => {
  const base = trim ? z.string().trim() : z.string();
  const clean = base.regex(multiline ? MULTI_LINE : SINGLE_LINE, {
    error: (issue) => textProblem(String(issue.input), multiline) ?? 'contains characters not allowed in text',
  });
  const bounded = clean.max(max, `must be at most ${max} characters`);
  return min > 0 ? bounded.min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`) : bounded;
};
