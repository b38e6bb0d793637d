/** Public shapes of the event store; times are epoch milliseconds unless a name says otherwise. */

export interface LogGroup {
  logGroupName: string;
  creationTime: number;
  arn: string;
  /** Undefined means "never expire", as in DescribeLogGroups. */
  retentionInDays?: number;
  /** Sum of the stored events' message bytes (UTF-8). */
  storedBytes: number;
}

export interface LogStream {
  logStreamName: string;
  creationTime: number;
  /** Undefined until the stream holds an event. */
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  storedBytes: number;
  /** `${groupArn}:log-stream:${name}` with the group ARN's trailing `:*` removed. */
  arn: string;
}

export interface Page<T> {
  items: T[];
  /** Absent when there is nothing more to read. */
  nextToken?: string;
}

export interface ListGroupsOptions {
  /** DescribeLogGroups logGroupNamePrefix. */
  prefix?: string;
  /** DescribeLogGroups logGroupNamePattern: a case-sensitive substring. */
  pattern?: string;
  limit?: number;
  nextToken?: string;
}

export interface ListStreamsOptions {
  prefix?: string;
  orderBy?: "LogStreamName" | "LastEventTime";
  descending?: boolean;
  limit?: number;
  nextToken?: string;
}

export interface InputEvent {
  timestamp: number;
  message: string;
}

export interface StoredEvent {
  logGroupName: string;
  logStreamName: string;
  timestamp: number;
  ingestionTime: number;
  message: string;
  /** Stable per event, unique in the store; also the ordering tie-break for equal timestamps. */
  eventId: string;
  /** Opaque pointer for GetLogRecord and Insights' @ptr. */
  ptr: string;
}

export interface GetEventsOptions {
  startTime?: number;
  /** Exclusive, as in GetLogEvents. */
  endTime?: number;
  startFromHead?: boolean;
  /** Default and cap 10,000. */
  limit?: number;
  /** A nextForwardToken or nextBackwardToken from an earlier call. */
  nextToken?: string;
}

export interface GetEventsResult {
  /** Always in ascending (timestamp, eventId) order, whatever the direction. */
  events: StoredEvent[];
  /** Returned even at the end; a caller sees the end when the token comes back unchanged. */
  nextForwardToken: string;
  nextBackwardToken: string;
}

export interface FilterEventsOptions {
  /** At most one of logStreamNames / logStreamNamePrefix; neither means every stream. */
  logStreamNames?: string[];
  logStreamNamePrefix?: string;
  startTime?: number;
  /** Inclusive, as in FilterLogEvents. */
  endTime?: number;
  /** Plain terms (all must occur), "quoted phrases", ?term (any of), -term (must not occur). */
  filterPattern?: string;
  /** Default and cap 10,000. */
  limit?: number;
  nextToken?: string;
}

export interface FilterEventsResult {
  events: StoredEvent[];
  nextToken?: string;
}

/** Columns that default-format (version 2) flow-log messages are split into at ingestion. */
export interface FlowFields {
  version: number | null;
  accountId: string | null;
  interfaceId: string | null;
  srcAddr: string | null;
  dstAddr: string | null;
  srcPort: number | null;
  dstPort: number | null;
  protocol: number | null;
  packets: number | null;
  bytes: number | null;
  startTime: number | null;
  endTime: number | null;
  action: string | null;
  logStatus: string | null;
}

/** One event as GetLogRecord needs it: the stored event plus its group's ARN and split fields. */
export interface EventRecord extends StoredEvent {
  logGroupArn: string;
  /** Present only when the message is a default-format flow-log record. */
  flow?: FlowFields;
}

/** A log group as the Insights engine addresses it in SQL (`events.group_id`). */
export interface GroupRef {
  id: number;
  name: string;
  arn: string;
}
