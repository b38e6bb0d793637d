import type { FilterTable } from "./filter-match";

export const internetGatewayFilters: FilterTable = {
  "attachment.state": "Attachments.State",
  "attachment.vpc-id": "Attachments.VpcId",
  "internet-gateway-id": "InternetGatewayId",
  "owner-id": "OwnerId",
};

export const natGatewayFilters: FilterTable = {
  "nat-gateway-id": "NatGatewayId",
  state: "State",
  "subnet-id": "SubnetId",
  "vpc-id": "VpcId",
};

export const prefixListFilters: FilterTable = {
  "owner-id": "OwnerId",
  "prefix-list-id": "PrefixListId",
  "prefix-list-name": "PrefixListName",
};

export const flowLogFilters: FilterTable = {
  "deliver-log-status": "DeliverLogsStatus",
  "log-destination-type": "LogDestinationType",
  "flow-log-id": "FlowLogId",
  "log-group-name": "LogGroupName",
  "resource-id": "ResourceId",
  "traffic-type": "TrafficType",
};
