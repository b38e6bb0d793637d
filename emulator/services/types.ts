import type { IncomingHttpHeaders } from "node:http";
import type { World } from "../world/types";

/** One request, routed to a service, with the world as the signing region sees it. */
export interface ServiceRequest {
  service: string;
  action: string | undefined;
  /** Query string and form body parameters together. */
  params: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The world, or an empty account of the same id when the request is signed for another region. */
  world: World;
  region: string;
  requestId: string;
  /** Page size for Describe calls that come without MaxResults. */
  pageSize: number;
}

export interface ServiceResponse {
  status: number;
  contentType: string;
  body: string;
}

export type ServiceHandler = (request: ServiceRequest) => ServiceResponse | Promise<ServiceResponse>;
