import "server-only";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";

export type AwsClients = { ec2: EC2Client; sts: STSClient; iam: IAMClient; logs: CloudWatchLogsClient };

const cache = new Map<string, AwsClients>();

/**
 * One set of SDK clients per region, shared by all requests. Endpoints come from the SDK's own
 * configuration (AWS_ENDPOINT_URL and friends), so the embedded emulator and real AWS use the same code.
 */
export function awsClients(region: string): AwsClients {
  let clients = cache.get(region);
  if (!clients) {
    // Throttling is retried with the SDK's exponential backoff and jitter (its retry quota stops retry storms).
    const config = { region, maxAttempts: 6 };
    clients = {
      ec2: new EC2Client(config),
      sts: new STSClient(config),
      iam: new IAMClient(config),
      logs: new CloudWatchLogsClient(config),
    };
    cache.set(region, clients);
  }
  return clients;
}
