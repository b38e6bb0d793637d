import { ComingNext } from "@/components/ui/coming-next";

export const metadata = { title: "Diagnose · Flowscope" };

export default function DiagnosePage() {
  return (
    <ComingNext
      title="Diagnose"
      summary="“Why is traffic not reaching my instance?” — security groups, network ACLs and routes evaluated both ways, joined with the flow-log evidence, naming the rule that blocks a packet."
    />
  );
}
