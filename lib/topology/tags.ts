import type { Tag } from "./types";

/** The value of the Name tag, if any. */
export function nameTag(tags: Tag[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === "Name")?.Value || undefined;
}
