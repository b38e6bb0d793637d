const PORT_TEXT = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** The ports of a textual port spec ("443" or "1024-65535"), or undefined when out of range or reversed. */
export function portRange(text: string): { from: number; to: number } | undefined {
  const match = PORT_TEXT.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= 65535 && to <= 65535 && from <= to ? { from, to } : undefined;
}
