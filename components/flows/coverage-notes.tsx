import type { Coverage } from "@/lib/traffic/contract";

/** What the query could not cover: filters a format cannot express, uncovered interfaces, delivery warnings. */
export function CoverageNotes({ coverage }: { coverage: Coverage | undefined }) {
  if (!coverage) return null;
  const notes = [
    ...coverage.unsupported.map((u) => `Not applied: ${u}`),
    ...coverage.warnings,
    ...(coverage.uncoveredInterfaces.length > 0
      ? [
          `${coverage.uncoveredInterfaces.length} interface(s) in scope have no flow log: their traffic is not here.`,
        ]
      : []),
  ];
  if (notes.length === 0) return null;
  return (
    <ul
      className="list-disc space-y-1 rounded-md border border-amber-200 bg-amber-50 py-2 pr-3 pl-7 text-sm text-amber-900"
      data-testid="coverage-notes"
    >
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
