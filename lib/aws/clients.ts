import "server-only";
import { EC2Client } from "@aws-sdk/client-ec2";
import { STSClient } from "@aws-sdk/client-sts";

type Clients = { ec2: EC2Client; sts: STSClient };

const cache = new Map<string, Clients>();

/**
 * One set of SDK clients per region, shared by all requests. Endpoints come from the SDK's own
 * configuration (AWS_ENDPOINT_URL and friends), so the embedded emulator and real AWS use the same code.
 */
export function awsClients(region: string): Clients {
  let clients = cache.get(region);
  if (!clients) {
    const config = { region, maxAttempts: 4 };
    clients = { ec2: new EC2Client(config), sts: new STSClient(config) };
    cache.set(region, clients);
  }
  return clients;
}
