import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorState } from "../state/emulator-state";
import type { World } from "../world/types";
import type { AwsError } from "./aws-error";

/** One request, routed to a service, with the world as the signing region sees it. */
export interface ServiceRequest {
  service: string;
  action: string | undefined;
  /** Query string and form body parameters together. */
  params: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The account now, or an empty account of the same id when the request is signed for another region. */
  world: World;
  /** The account's mutable state (home region), for the actions that change it. */
  state: EmulatorState;
  region: string;
  requestId: string;
  /** Page size for Describe calls that come without MaxResults. */
  pageSize: number;
  /** The emulator's clock when the request arrived (epoch ms). */
  now: number;
}

export interface ServiceResponse {
  status: number;
  contentType: string;
  body: string;
}

export type ServiceHandler = (request: ServiceRequest) => ServiceResponse | Promise<ServiceResponse>;

export interface EmulatorService {
  handle: ServiceHandler;
  /** The service's own error shape, for failures the handler did not answer itself (and injected faults). */
  error: (error: AwsError, requestId: string) => ServiceResponse;
  /** Action names, to route requests that carry no SigV4 credential scope. */
  actions?: readonly string[];
}
