import { isPrivateIp } from "../net/ip";
import { checkAcl, checkSg, checkState, sgReply, type Walk } from "./checks";
import { checkIngressAddress, checkReplyViaIgw, checkTarget } from "./gateways";
import { type Packet, replyOf } from "./packet";
import { type End, resolveEnd } from "./resolve";
import { checkRoute, prefixListCidrs } from "./route-checks";
import { type DiagnoseInput, DiagnoseInputError, type DiagnosisTopology, type Verdict } from "./verdict";

const PROTOCOLS = { tcp: 6, udp: 17, icmp: 1 } as const;
// In every OS's default ephemeral range (Linux 32768-60999, Windows 49152-65535, NAT 1024-65535).
const EPHEMERAL_PORT = 49152;

function requestPacket(input: DiagnoseInput, src: End, dst: End): Packet {
  const protocol = PROTOCOLS[input.protocol];
  const base = { protocol, srcIp: src.ip, dstIp: dst.ip };
  if (protocol === 1) return { ...base, icmpType: input.icmpType ?? 8, icmpCode: input.icmpCode ?? 0 };
  if (input.port === undefined)
    throw new DiagnoseInputError(`a port is required for ${input.protocol}`, "port");
  return { ...base, srcPort: input.sourcePort ?? EPHEMERAL_PORT, dstPort: input.port };
}

function walkOf(t: DiagnosisTopology): Walk {
  const members = new Map<string, string[]>();
  for (const eni of t.NetworkInterfaces ?? []) {
    for (const g of eni.Groups ?? []) {
      if (!g.GroupId || !eni.PrivateIpAddress) continue;
      members.set(g.GroupId, [...(members.get(g.GroupId) ?? []), eni.PrivateIpAddress]);
    }
  }
  return {
    t,
    sg: { prefixListCidrs: (id) => prefixListCidrs(t, id), groupMemberIps: (id) => members.get(id) ?? [] },
    hops: [],
    explanations: [],
  };
}

export type Question = { src: End; dst: End; request: Packet };

/** Both ends and the request packet; throws DiagnoseInputError for what cannot be asked. */
export function resolveQuestion(t: DiagnosisTopology, input: DiagnoseInput): Question {
  const src = resolveEnd(t, input.from, "source");
  const dst = resolveEnd(t, input.to, "destination");
  if (src.kind === "external" && dst.kind === "external")
    throw new DiagnoseInputError("neither end is an interface of this account");
  return { src, dst, request: requestPacket(input, src, dst) };
}

const peerOf = (end: End, label: string): string =>
  end.kind === "eni" ? (end.eni.Groups?.[0]?.GroupId ?? `${end.ip}/32`) : label;

/** Evaluates the request and the reply between two ends of a VPC, as a verdict (without evidence). */
export function diagnose(t: DiagnosisTopology, input: DiagnoseInput): Verdict {
  const { src, dst, request: req } = resolveQuestion(t, input);
  const w = walkOf(t);
  const reply = replyOf(req);
  const srcLabel =
    src.kind === "external"
      ? src.label === "internet"
        ? "0.0.0.0/0"
        : src.label.includes("/")
          ? src.label
          : `${src.ip}/32`
      : "";
  if (src.kind === "eni") {
    checkState(w, src, "request");
    checkSg(w, src, "egress", req, `${dst.ip}/32`);
    const toInternet = dst.kind === "external" || dst.viaPublicIp;
    const route = checkRoute(w, src, dst.ip, "request");
    checkTarget(w, src, route, "request", toInternet);
    checkAcl(w, src, "egress", req, "request", crossing(src, dst));
  }
  // A private outside address (on-premises, a peer) arrives through a VPN, peering or TGW, not the IGW.
  const fromInternet = src.kind === "external" && !isPrivateIp(src.ip);
  if (dst.kind === "eni") {
    if (fromInternet) checkIngressAddress(w, dst, src.ip);
    checkAcl(w, dst, "ingress", req, "request", crossing(src, dst));
    checkSg(w, dst, "ingress", req, peerOf(src, srcLabel));
    checkState(w, dst, "request");
    sgReply(w, dst, "egress");
    const back = checkRoute(w, dst, src.ip, "reply");
    if (fromInternet) checkReplyViaIgw(w, dst, back);
    else checkTarget(w, dst, back, "reply", false);
    checkAcl(w, dst, "egress", reply, "reply", crossing(src, dst));
  }
  if (src.kind === "eni") {
    checkAcl(w, src, "ingress", reply, "reply", crossing(src, dst));
    sgReply(w, src, "ingress");
  }
  return {
    verdict: w.explanations.length > 0 ? "blocked" : "reachable",
    explanations: w.explanations,
    hops: w.hops,
  };
}

function crossing(a: End, b: End): boolean {
  return a.kind !== "eni" || b.kind !== "eni" || a.eni.SubnetId !== b.eni.SubnetId;
}
