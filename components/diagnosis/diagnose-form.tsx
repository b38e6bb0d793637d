import type { DiagnoseParams } from "@/lib/diagnosis/search-params";

const input = "rounded border border-slate-300 px-2 py-1 text-sm";

/** A plain GET form: every field lands in the URL, so the result page is the shareable link. */
export function DiagnoseForm({
  values,
  ends,
}: {
  values: DiagnoseParams;
  ends: { value: string; label: string }[];
}) {
  return (
    <form
      method="get"
      action="/diagnose"
      className="grid gap-3 rounded-lg border border-slate-200 p-4 sm:grid-cols-4"
    >
      <datalist id="diagnose-ends">
        {ends.map((e) => (
          <option key={e.value} value={e.value}>
            {e.label}
          </option>
        ))}
      </datalist>
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        From (IP, CIDR, instance, interface, internet)
        <input name="from" list="diagnose-ends" defaultValue={values.from} required className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        To (instance, interface or IP)
        <input name="to" list="diagnose-ends" defaultValue={values.to} required className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Protocol
        <select name="protocol" defaultValue={values.protocol} className={input}>
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
          <option value="icmp">ICMP (ping)</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Port (TCP/UDP)
        <input name="port" inputMode="numeric" defaultValue={values.port} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        ICMP type (default 8, echo)
        <input name="icmpType" inputMode="numeric" defaultValue={values.icmpType} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Region
        <input name="region" defaultValue={values.region} placeholder="default" className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        Evidence from (ISO time; default an hour before the end)
        <input name="start" defaultValue={values.start} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        Evidence to (ISO time; default now)
        <input name="end" defaultValue={values.end} className={input} />
      </label>
      <div className="sm:col-span-4">
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 text-sm font-medium text-white">
          Diagnose
        </button>
      </div>
    </form>
  );
}
