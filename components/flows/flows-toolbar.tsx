"use client";
import { RangeBar } from "@/components/traffic/range-bar";
import { ScopePicker } from "@/components/traffic/scope-picker";
import { asTrafficState, carriedPatch, type FlowsPageState, flowsHref } from "@/lib/flows/search-params";
import type { ScopeChoices } from "@/lib/traffic/scope";
import type { TrafficPageState } from "@/lib/traffic/search-params";

type Props = { state: FlowsPageState & { vpc: string }; choices: ScopeChoices };

/** The traffic page's scope picker and range bar, linking to the flows page. */
export function FlowsToolbar({ state, choices }: Props) {
  const hrefFor = (patch: Partial<TrafficPageState>) => flowsHref(state, carriedPatch(patch));
  const traffic = asTrafficState(state);
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
      <ScopePicker state={traffic} choices={choices} hrefFor={hrefFor} />
      <RangeBar state={traffic} hrefFor={hrefFor} />
    </div>
  );
}
