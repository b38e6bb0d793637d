import { ComingNext } from "@/components/ui/coming-next";

export const metadata = { title: "Flows · Flowscope" };

export default function FlowsPage() {
  return (
    <ComingNext
      title="Flows"
      summary="The flow explorer: rejected (or any) flow records filtered by address, port, protocol and interface, exportable."
    >
      <p>
        Flow logs never record traffic to the Amazon DNS server, instance metadata (169.254.169.254), DHCP or
        the Amazon Time Sync Service.
      </p>
    </ComingNext>
  );
}
