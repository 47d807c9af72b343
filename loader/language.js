// @ts-check
// The language the loader shows before the wasm runs, looked up in the
// tables the build writes (src/prerender.rs, `LanguageTable`): they hold the
// widget's rule (i18n::choose_language), which is not repeated here. A module
// of its own so that tests/prerender.rs runs this very lookup in node against
// the Rust rule.

/** @typedef {{ readonly fallback: string, readonly exact: Readonly<Record<string, string>>, readonly primary: Readonly<Record<string, string>> }} LanguageTable */

/**
 * `map`'s own value for `key`: never one of Object.prototype's
 * (`constructor`, `__proto__`), which a visitor's tag could name.
 * @param {Readonly<Record<string, string>>} map
 * @param {string} key
 */
const own = (map, key) => (Object.hasOwn(map, key) ? map[key] : undefined);

/**
 * The language of `table` for the first of `tags` it has, whole or by its
 * primary subtag, each taken as the table's keys are written: trimmed, in
 * ASCII lower case, `_` as `-`; else the table's fallback.
 * @param {readonly unknown[]} tags
 * @param {LanguageTable} table
 * @returns {string}
 */
export function chooseLanguage(tags, table) {
  for (const tag of tags) {
    const key = String(tag ?? "")
      .trim()
      .replace(/[A-Z]+/g, (upper) => upper.toLowerCase())
      .replaceAll("_", "-");
    if (key === "") continue;
    const found = own(table.exact, key) ?? own(table.primary, key.split("-")[0]);
    if (found !== undefined) return found;
  }
  return table.fallback;
}
