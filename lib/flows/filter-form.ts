import { checkExpertFilter, expertFilterMessage } from "@/lib/insights/expert-filter";
import { trafficParsers } from "@/lib/traffic/search-params";
import {
  FLOW_ACTIONS,
  FLOW_DIRECTIONS,
  type FlowsPageState,
  flowsOnlyParsers,
  LOG_STATUSES,
} from "./search-params";

/** The form's text fields, each with the label the inline message names. */
export const FILTER_FIELDS = [
  { key: "src", label: "Source", placeholder: "10.0.1.5 or 10.0.0.0/16" },
  { key: "dst", label: "Destination", placeholder: "IP or CIDR" },
  { key: "srcPort", label: "Source port", placeholder: "443 or 1024-65535" },
  { key: "dstPort", label: "Destination port", placeholder: "22 or 8000-8099" },
  { key: "protocol", label: "Protocol", placeholder: "tcp, udp, icmp or 0–255" },
  { key: "tcpFlags", label: "TCP flags", placeholder: "SYN, RST or SYN ACK" },
  { key: "instance", label: "Instance", placeholder: "i-0abc… or Name tag" },
  { key: "trafficPath", label: "Traffic path", placeholder: "1–8, e.g. 8 peering" },
  { key: "pktSrc", label: "Packet source", placeholder: "pkt-srcaddr IP or CIDR" },
  { key: "pktDst", label: "Packet destination", placeholder: "pkt-dstaddr IP or CIDR" },
  { key: "srcService", label: "Source AWS service", placeholder: "S3, DYNAMODB…" },
  { key: "dstService", label: "Destination AWS service", placeholder: "S3, DYNAMODB…" },
] as const;

export type FilterFieldKey = (typeof FILTER_FIELDS)[number]["key"];
export type FilterFormValues = Partial<
  Record<FilterFieldKey | "action" | "logStatus" | "flowDirection" | "q", string>
>;
export type FilterFormCheck =
  | { ok: true; patch: Partial<FlowsPageState> }
  | { ok: false; field: string; message: string };

const MESSAGES: Record<FilterFieldKey, string> = {
  src: "Source must be an IP address or CIDR block such as 10.0.1.5 or 10.0.0.0/16.",
  dst: "Destination must be an IP address or CIDR block such as 10.0.1.5 or 10.0.0.0/16.",
  srcPort: 'Source port must be a port or a range "from-to" such as 1024-65535.',
  dstPort: 'Destination port must be a port or a range "from-to" such as 22 or 8000-8099.',
  protocol: "Protocol must be a name such as tcp, udp, icmp or a number from 0 to 255.",
  tcpFlags: "TCP flags must be names (FIN SYN RST PSH ACK URG) or a bit mask from 1 to 255.",
  instance: "Instance must be an instance id (i-…) or Name tag.",
  trafficPath: "Traffic path must be a traffic-path code from 1 to 255 (1 = same VPC … 8 = VPC peering).",
  pktSrc: "Packet source must be an IP address or CIDR block such as 10.0.1.5 or 10.0.0.0/16.",
  pktDst: "Packet destination must be an IP address or CIDR block such as 10.0.1.5 or 10.0.0.0/16.",
  srcService: "Source AWS service must be a service code such as S3 or DYNAMODB.",
  dstService: "Destination AWS service must be a service code such as S3 or DYNAMODB.",
};

const PARSERS = {
  src: trafficParsers.src,
  dst: trafficParsers.dst,
  srcPort: flowsOnlyParsers.srcPort,
  dstPort: flowsOnlyParsers.dstPort,
  protocol: trafficParsers.protocol,
  tcpFlags: flowsOnlyParsers.tcpFlags,
  instance: flowsOnlyParsers.instance,
  trafficPath: flowsOnlyParsers.trafficPath,
  pktSrc: flowsOnlyParsers.pktSrc,
  pktDst: flowsOnlyParsers.pktDst,
  srcService: flowsOnlyParsers.srcService,
  dstService: flowsOnlyParsers.dstService,
};

/**
 * Subnet and interface are the scope picker's. The form's values → the page state they set (an empty field clears its filter), or the first field
 * that is wrong: the page then shows the message and neither navigates nor queries.
 */
export function checkFilterForm(values: FilterFormValues): FilterFormCheck {
  const patch: Partial<FlowsPageState> = {};
  for (const { key } of FILTER_FIELDS) {
    const text = values[key]?.trim() ?? "";
    if (text === "") {
      patch[key] = undefined;
      continue;
    }
    const parsed = PARSERS[key].parse(text);
    if (parsed === null) return { ok: false, field: key, message: MESSAGES[key] };
    Object.assign(patch, { [key]: parsed });
  }
  const q = values.q?.trim() ?? "";
  const expert = q === "" ? undefined : checkExpertFilter(q);
  if (expert && !expert.ok)
    return { ok: false, field: "q", message: `Expert filter ${expertFilterMessage(expert)}.` };
  patch.q = q === "" ? undefined : q;
  const action = FLOW_ACTIONS.find((a) => a === values.action);
  if (action) patch.action = action;
  patch.logStatus = LOG_STATUSES.find((s) => s === values.logStatus);
  patch.flowDirection = FLOW_DIRECTIONS.find((d) => d === values.flowDirection);
  return { ok: true, patch };
}
