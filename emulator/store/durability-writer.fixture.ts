/** Child process for durability.test.ts: appends batches forever, printing each acknowledged batch. */
import { EventStore } from "./event-store";

const path = process.argv[2];
if (!path) throw new Error("usage: durability-writer.fixture.ts DB_PATH");
const store = await EventStore.open(path);
await store.createLogGroup({
  logGroupName: "g",
  creationTime: 1,
  arn: "arn:aws:logs:us-east-1:1:log-group:g:*",
});
for (let batch = 0; ; batch++) {
  const events = Array.from({ length: 500 }, (_, i) => ({
    timestamp: batch * 1000 + i,
    message: `b${batch} e${i}`,
  }));
  await store.append("g", `s${batch % 3}`, events, batch);
  process.stdout.write(`ack ${batch}\n`);
}
