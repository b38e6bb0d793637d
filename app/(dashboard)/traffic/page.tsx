import { ComingNext } from "@/components/ui/coming-next";

export const metadata = { title: "Traffic · Flowscope" };

export default function TrafficPage() {
  return (
    <ComingNext
      title="Traffic"
      summary="Accepted and rejected traffic per VPC over time, and the top talkers, from Logs Insights queries over your flow logs."
    >
      <p>Flow-log records arrive 5–10 minutes after the traffic they describe.</p>
      <p>
        Logs Insights queries are billed by the bytes they scan; each panel will show its scan and estimated
        cost.
      </p>
    </ComingNext>
  );
}
