import { RETENTION_DAYS } from "@/lib/flow-log-wizard/schema";
import { firehoseCrossAccount } from "@/lib/flow-log-wizard/state";
import { Choice, FieldError, inputClass, invalidProps } from "./field";
import type { StepProps } from "./types";

const retentionLabel = (days: number) =>
  days === 0
    ? "Never expire"
    : days % 365 === 0
      ? `${days / 365} year${days === 365 ? "" : "s"}`
      : `${days} days`;

export function DestinationStep({ state, update, issues, options }: StepProps) {
  const cross = state.destinationType === "kinesis-data-firehose" && firehoseCrossAccount(state, options.ctx);
  const groups =
    options.logGroups.some((g) => g.name === state.existingLogGroup) || !state.existingLogGroup
      ? options.logGroups
      : [{ name: state.existingLogGroup }, ...options.logGroups];
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Destination</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          <Choice
            name="destinationType"
            value="cloud-watch-logs"
            label="CloudWatch Logs"
            checked={state.destinationType === "cloud-watch-logs"}
            onChange={() => update({ destinationType: "cloud-watch-logs" })}
          >
            Queryable with Logs Insights, so Flowscope can chart and search it. Needs a delivery role (next
            step).
          </Choice>
          <Choice
            name="destinationType"
            value="s3"
            label="Amazon S3"
            checked={state.destinationType === "s3"}
            onChange={() => update({ destinationType: "s3" })}
          >
            Cheapest to keep; query with Athena. Flowscope cannot read S3 destinations.
          </Choice>
          <Choice
            name="destinationType"
            value="kinesis-data-firehose"
            label="Amazon Data Firehose"
            checked={state.destinationType === "kinesis-data-firehose"}
            onChange={() => update({ destinationType: "kinesis-data-firehose" })}
          >
            Stream records (plain text) to a SIEM or another account. Flowscope cannot read it.
          </Choice>
        </div>
        <FieldError field="destinationType" issues={issues} />
      </fieldset>

      {state.destinationType === "cloud-watch-logs" && (
        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-semibold">Log group</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-1">
              <input
                type="radio"
                name="logGroupMode"
                checked={state.logGroupMode === "new"}
                onChange={() => update({ logGroupMode: "new" })}
              />
              New log group
            </label>
            <label className="flex items-center gap-1">
              <input
                type="radio"
                name="logGroupMode"
                checked={state.logGroupMode === "existing"}
                onChange={() => update({ logGroupMode: "existing" })}
              />
              Existing log group
            </label>
          </div>
          {state.logGroupMode === "new" ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <label className="flex flex-col gap-1 text-sm">
                New log group name
                <input
                  value={state.newLogGroup}
                  onChange={(e) => update({ newLogGroup: e.target.value })}
                  placeholder="/vpc/flow-logs/my-subnet"
                  className={inputClass}
                  {...invalidProps("newLogGroup", issues)}
                />
                <FieldError field="newLogGroup" issues={issues} />
              </label>
              <label className="flex flex-col gap-1 text-sm">
                Retention
                <select
                  value={state.retentionInDays}
                  onChange={(e) => update({ retentionInDays: Number(e.target.value) })}
                  className={inputClass}
                  {...invalidProps("retentionInDays", issues)}
                >
                  {RETENTION_DAYS.map((d) => (
                    <option key={d} value={d}>
                      {retentionLabel(d)}
                    </option>
                  ))}
                </select>
                <FieldError field="retentionInDays" issues={issues} />
                <span className="text-xs text-slate-500">
                  Storage is billed per GB-month; the wizard creates the group with this retention.
                </span>
              </label>
            </div>
          ) : (
            <label className="flex flex-col gap-1 text-sm sm:w-1/2">
              Existing log group
              <select
                value={state.existingLogGroup}
                onChange={(e) => update({ existingLogGroup: e.target.value })}
                className={inputClass}
                {...invalidProps("existingLogGroup", issues)}
              >
                <option value="">Choose…</option>
                {groups.map((g) => (
                  <option key={g.name} value={g.name}>
                    {g.name}
                    {g.retentionInDays ? ` (${retentionLabel(g.retentionInDays)})` : ""}
                  </option>
                ))}
              </select>
              <FieldError field="existingLogGroup" issues={issues} />
            </label>
          )}
        </fieldset>
      )}

      {state.destinationType === "s3" && (
        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-semibold">S3 bucket</legend>
          <label className="flex flex-col gap-1 text-sm">
            Bucket ARN (optionally with a folder)
            <input
              value={state.s3BucketArn}
              onChange={(e) => update({ s3BucketArn: e.target.value })}
              placeholder="arn:aws:s3:::my-flow-log-bucket/my-folder/"
              className={inputClass}
              {...invalidProps("s3BucketArn", issues)}
            />
            <FieldError field="s3BucketArn" issues={issues} />
            <span className="text-xs text-slate-500">
              The bucket must exist. If you own it, AWS writes its bucket policy for
              delivery.logs.amazonaws.com (replacing any existing policy); otherwise its owner must add it
              first.
            </span>
          </label>
          <div className="flex flex-wrap gap-6 text-sm">
            <label className="flex items-center gap-2">
              File format
              <select
                value={state.s3FileFormat}
                onChange={(e) =>
                  update({ s3FileFormat: e.target.value === "parquet" ? "parquet" : "plain-text" })
                }
                className={inputClass}
              >
                <option value="plain-text">Text (plain-text)</option>
                <option value="parquet">Parquet (cheaper Athena queries; conversion is billed)</option>
              </select>
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={state.s3HivePartitions}
                onChange={(e) => update({ s3HivePartitions: e.target.checked })}
              />
              Hive-compatible prefixes
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={state.s3PerHourPartition}
                onChange={(e) => update({ s3PerHourPartition: e.target.checked })}
              />
              Hourly partitions
            </label>
          </div>
          <FieldError field="s3FileFormat" issues={issues} />
        </fieldset>
      )}

      {state.destinationType === "kinesis-data-firehose" && (
        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-semibold">Firehose delivery stream</legend>
          <label className="flex flex-col gap-1 text-sm">
            Delivery stream ARN
            <input
              value={state.firehoseStreamArn}
              onChange={(e) => update({ firehoseStreamArn: e.target.value })}
              placeholder={`arn:aws:firehose:${options.ctx.region}:${options.ctx.accountId}:deliverystream/my-stream`}
              className={inputClass}
              {...invalidProps("firehoseStreamArn", issues)}
            />
            <FieldError field="firehoseStreamArn" issues={issues} />
          </label>
          {cross && (
            <div className="grid gap-3 sm:grid-cols-2">
              <label className="flex flex-col gap-1 text-sm">
                Source role in this account (delivers for you)
                <input
                  value={state.firehoseSourceRoleArn}
                  onChange={(e) => update({ firehoseSourceRoleArn: e.target.value })}
                  placeholder={`arn:aws:iam::${options.ctx.accountId}:role/mySourceRole`}
                  className={inputClass}
                  {...invalidProps("firehoseSourceRoleArn", issues)}
                />
                <FieldError field="firehoseSourceRoleArn" issues={issues} />
              </label>
              <label className="flex flex-col gap-1 text-sm">
                Cross-account role in the stream&apos;s account
                <input
                  value={state.firehoseCrossAccountRoleArn}
                  onChange={(e) => update({ firehoseCrossAccountRoleArn: e.target.value })}
                  placeholder="arn:aws:iam::210987654321:role/AWSLogDeliveryFirehoseCrossAccountRole"
                  className={inputClass}
                  {...invalidProps("firehoseCrossAccountRoleArn", issues)}
                />
                <FieldError field="firehoseCrossAccountRoleArn" issues={issues} />
              </label>
              <p className="text-xs text-slate-500 sm:col-span-2">
                The source role is trusted by delivery.logs.amazonaws.com; the destination role&apos;s name
                starts with AWSLogDeliveryFirehoseCrossAccountRole and trusts the source role.
              </p>
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}
