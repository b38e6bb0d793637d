import { Choice, FieldError } from "./field";
import type { StepProps } from "./types";

export function TrafficStep({ state, update, issues }: StepProps) {
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Traffic type</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          <Choice
            name="trafficType"
            value="ALL"
            label="ALL"
            checked={state.trafficType === "ALL"}
            onChange={() => update({ trafficType: "ALL" })}
          >
            Accepted and rejected traffic. Hides nothing; the most records and the highest ingestion cost.
          </Choice>
          <Choice
            name="trafficType"
            value="ACCEPT"
            label="ACCEPT"
            checked={state.trafficType === "ACCEPT"}
            onChange={() => update({ trafficType: "ACCEPT" })}
          >
            Only what security groups and network ACLs let through. Hides rejected traffic: blocked
            connections and scans are invisible, so &ldquo;why can&apos;t this reach my instance?&rdquo;
            cannot be answered.
          </Choice>
          <Choice
            name="trafficType"
            value="REJECT"
            label="REJECT"
            checked={state.trafficType === "REJECT"}
            onChange={() => update({ trafficType: "REJECT" })}
          >
            Only rejected traffic. Hides everything that works: no volumes, top talkers or accepted halves of
            a conversation (e.g. a request accepted whose reply is rejected).
          </Choice>
        </div>
        <FieldError field="trafficType" issues={issues} />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Maximum aggregation interval</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <Choice
            name="interval"
            value="60"
            label="1 minute"
            checked={state.maxAggregationInterval === 60}
            onChange={() => update({ maxAggregationInterval: 60 })}
          >
            A record per flow per minute: finer timing and faster records, but more records (up to 10× for
            long flows) and more cost.
          </Choice>
          <Choice
            name="interval"
            value="600"
            label="10 minutes (AWS default)"
            checked={state.maxAggregationInterval === 600}
            onChange={() => update({ maxAggregationInterval: 600 })}
          >
            Fewer records. Hides timing inside the window: a flow&apos;s packets over up to 10 minutes become
            one record, and records arrive later. Nitro instances use 1 minute or less anyway.
          </Choice>
        </div>
        <FieldError field="maxAggregationInterval" issues={issues} />
      </fieldset>
    </div>
  );
}
