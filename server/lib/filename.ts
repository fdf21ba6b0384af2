// File names as people send them, made safe to store and to offer back as a download.

/** Longest stored file name, in UTF-16 units (what the document store keeps). */
export const MAX_FILENAME_LENGTH = 200;

/** C0 and C1 controls, and the characters that reorder or hide text (bidi marks, embeddings, overrides, isolates; BOM). */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The name a file may be kept under: its last path segment (either slash), without control or bidi characters,
 * never "." or "..", at most MAX_FILENAME_LENGTH units and cut between characters, keeping a short extension.
 * An empty result lets the store name the file itself.
 */
export function cleanFilename(name: string): string {
  const last = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const cleaned = last.replace(UNSAFE_CHARACTERS, '').replace(LONE_SURROGATE, '\ufffd').trim();
  if (/^\.*$/.test(cleaned)) return '';
  if (cleaned.length <= MAX_FILENAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  let kept = '';
  for (const character of cleaned.slice(0, cleaned.length - extension.length)) {
    if (kept.length + character.length + extension.length > MAX_FILENAME_LENGTH) break;
    kept += character;
  }
  return kept + extension;
}
