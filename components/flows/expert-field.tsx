"use client";

/** Expert mode: a Logs Insights `filter` expression, ANDed with the scope, range and the fields above. */
export function ExpertField({
  value,
  invalid,
  onChange,
}: {
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <label className="flex w-full flex-col gap-1 text-xs font-medium text-slate-600">
      Expert filter (Logs Insights)
      <input
        name="q"
        className="w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm text-slate-900 aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-500"
        value={value}
        placeholder='dstPort = 22 and isIpv4InSubnet(srcAddr, "203.0.113.0/24")'
        aria-invalid={invalid ? "true" : undefined}
        aria-describedby={invalid ? "filter-error expert-help" : "expert-help"}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id="expert-help" className="font-normal text-slate-500">
        One filter expression, no <code>|</code>. Use the default format's names (srcAddr, dstPort,
        interfaceId, logStatus, startTime…) and camelCase for the richer fields (tcpFlags, flowDirection,
        trafficPath, pktSrcAddr…) on every flow log: custom formats are translated. It can only narrow the
        VPC, subnet or interface and time range above.
      </span>
    </label>
  );
}
