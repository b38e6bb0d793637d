/** Translating Insights' glob and regex patterns to RE2, the engine DuckDB uses. */

const RE2_SPECIAL = /[\\.+*?()|[\]{}^$]/g;

/**
 * A parse glob as a regex with one capture per `*`: each is lazy, except a final `*` that closes the
 * pattern, which takes the rest of the text. The glob may match anywhere in the text.
 */
export function globToRegex(glob: string): string {
  const parts = glob.split("*");
  const last = parts.length - 1;
  return parts
    .map((literal, index) => {
      const escaped = literal.replace(RE2_SPECIAL, "\\$&");
      if (index === last) return escaped;
      return escaped + (index === last - 1 && parts[last] === "" ? "(.*)" : "(.*?)");
    })
    .join("");
}

/** PCRE-style named groups `(?<name>…)` as RE2's `(?P<name>…)`; everything else is passed on as written. */
export const toRe2 = (pattern: string): string =>
  pattern.replace(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g, "(?P<$1>");

/** The capture groups of a regex in number order: the group's name, or "" for an unnamed group. */
export function captureGroups(pattern: string): string[] {
  const groups: string[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
    } else if (inClass) {
      if (ch === "]") inClass = false;
    } else if (ch === "[") {
      inClass = true;
      if (pattern[i + 1] === "^") i++;
      if (pattern[i + 1] === "]") i++;
    } else if (ch === "(") {
      if (pattern[i + 1] !== "?") {
        groups.push("");
      } else {
        const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(pattern.slice(i));
        if (named) groups.push(named[1] ?? "");
      }
    }
  }
  return groups;
}
