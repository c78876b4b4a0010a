/**
 * Text written in both languages, and the one way placeholders are filled.
 * Every catalogue of the product (problems, messages, notes, reviews) holds
 * `Localized` templates with `{name}` placeholders; the English and Chinese
 * are written separately, not translated word for word (docs/chinese-style.md).
 * Most catalogues are JSON message files beside the file that uses them
 * (docs/development.md, "Add a text in both languages").
 */
import type { Language } from "./plan-model";

/** One value per language: a text, or whatever a catalogue keeps per language. */
export type Localized<T = string> = Record<Language, T>;

/** What placeholders are filled with. */
export type FillValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{name}` placeholders from values; a placeholder without a value
 * stays visible rather than becoming "undefined", so a missing argument is
 * seen in the text instead of hidden.
 *
 * @example
 * fill("{a} and {b}", { a: 1, b: "x" }); // "1 and x"
 * fill("{a} and {c}", { a: 1 });         // "1 and {c}"
 */
export function fill(template: string, values: FillValues = {}): string {
  const parts = templateParts(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) text += filledPlaceholder(values, parts[i]) + parts[i + 1];
  return text;
}

/**
 * A placeholder's value, or the placeholder itself when there is none. Object.prototype holds no text or number, so
 * a text or number found is the values' own: only other finds need the own-property check, which a review's dozens
 * of fills would otherwise make for every placeholder.
 */
function filledPlaceholder(values: FillValues, name: string): string {
  const value: unknown = values[name];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return Object.prototype.hasOwnProperty.call(values, name) ? String(value) : `{${name}}`;
}

// A run fills the same few hundred catalogue templates hundreds of thousands of times (a review is dozens of
// fills), so each is split once. Created on first use, not at bundle load; capped so text that is not a
// catalogue template cannot grow it without end.
const MAX_CACHED_TEMPLATES = 5_000;
let partsByTemplate: Map<string, readonly string[]> | undefined;

/** The template split at its placeholders: literal text at even indexes, placeholder names at odd ones. */
function templateParts(template: string): readonly string[] {
  partsByTemplate ??= new Map();
  const cached = partsByTemplate.get(template);
  if (cached) return cached;
  const parts = template.split(PLACEHOLDER);
  if (partsByTemplate.size < MAX_CACHED_TEMPLATES) partsByTemplate.set(template, parts);
  return parts;
}

/**
 * A catalogue's lookup: the text of a key in a language, placeholders filled.
 *
 * @example
 * const message = catalogueText({ hello: { en: "Hello {name}", zh: "你好，{name}" } });
 * message("hello", "zh", { name: "Li" }); // "你好，Li"
 */
export function catalogueText<K extends string>(
  catalogue: Readonly<Record<K, Localized>>,
): (key: K, language: Language, values?: FillValues) => string {
  return (key, language, values) => fill(catalogue[key][language], values);
}
