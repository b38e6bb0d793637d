import type { FlowGenerator } from "./generator";
import { pick, repeat } from "./generator";
import { converse, ephemeralPort, hostIn, poisson } from "./kit";

/** Internet users of the ports a public interface opens to the world (HTTPS mostly, some HTTP). */
export const webClients: FlowGenerator = {
  name: "web",
  generate: ({ plan, profile, rhythm, slot, rng }) =>
    plan.publicEnis.flatMap((eni) => {
      const ports = [...new Set((plan.openPorts.get(eni.id) ?? []).map((p) => p.port))];
      return ports.flatMap((port) => {
        const r = rng(`web:${eni.id}:${port}`);
        const weight = port === 443 ? 1 : port === 80 ? 0.3 : 0.5;
        return repeat(poisson(r, profile.rates.web * weight * rhythm), () => {
          const ip = hostIn(r, pick(profile.webClients, r) ?? "");
          if (!ip) return undefined;
          const clientPort = r.next() < 0.6 ? ephemeralPort(r) : r.int(49152, 65535);
          return converse(r, slot, {
            client: { ip },
            server: { eni },
            protocol: 6,
            serverPort: port,
            clientPort,
          });
        });
      });
    }),
};

/** Scanners knock on every public address at remote-access ports, day and night. */
export const scanners: FlowGenerator = {
  name: "scan",
  generate: ({ plan, profile, slot, rng }) =>
    plan.publicEnis.flatMap((eni) => {
      const r = rng(`scan:${eni.id}`);
      return repeat(poisson(r, profile.rates.scan), () => {
        const ip = hostIn(r, pick(profile.scanners, r) ?? "");
        const port = pick(profile.scanPorts, r);
        if (!ip || port === undefined) return undefined;
        const spec = { client: { ip }, server: { eni }, protocol: 6, serverPort: port };
        return converse(r, slot, { ...spec, clientPort: ephemeralPort(r, false), shape: "probe" });
      });
    }),
};

/** Uptime monitors ping public addresses. */
export const pings: FlowGenerator = {
  name: "ping",
  generate: ({ plan, profile, slot, rng }) =>
    plan.publicEnis.flatMap((eni) => {
      const r = rng(`ping:${eni.id}`);
      return repeat(poisson(r, profile.rates.ping), () => {
        const ip = hostIn(r, pick(profile.monitors, r) ?? "");
        return ip
          ? converse(r, slot, { client: { ip }, server: { eni }, protocol: 1, serverPort: 0 })
          : undefined;
      });
    }),
};

/** Hosts in the specific public blocks a rule names (offices, partners) use the port it opens. */
export const namedSources: FlowGenerator = {
  name: "admin",
  generate: ({ plan, profile, rhythm, slot, rng }) =>
    plan.adminSources.flatMap((source, n) => {
      const r = rng(`admin:${source.eni.id}:${source.protocol}:${source.port}:${n}`);
      return repeat(poisson(r, profile.rates.admin * rhythm), () => {
        const ip = hostIn(r, pick(source.cidrs, r) ?? "");
        if (!ip) return undefined;
        const spec = { client: { ip }, server: { eni: source.eni }, protocol: source.protocol };
        return converse(r, slot, { ...spec, serverPort: source.port });
      });
    }),
};
