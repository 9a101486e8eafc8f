// A bound two layers must agree on: the API refuses longer text arguments (ids, search text, cursors),
// so the seed refuses longer names and aliases, which could be stored but never searched for or asked
// about by id.

/** Characters (UTF-16 code units, as String.length counts them) of a text argument or an entity name. */
export const MAX_TEXT = 200;
