/** Blue and vermilion: apart for the common colour-vision deficiencies, and on greyscale printouts. */
export const SERIES_COLORS = { accepted: "#2563eb", rejected: "#d9480f" } as const;
