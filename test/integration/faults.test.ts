import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { describeFaultSuite, lifecycleFor } from "../support/faultSuite";
import { emulatorTarget } from "../support/targets";

// The fault suite on the OSS emulator (Aliyun dialect): no tools beyond Node. The same suite runs
// on MinIO in test/e2e/faults.e2e.test.ts.
describeFaultSuite("aliyun on the emulator", async () => {
  const t = await emulatorTarget("aliyun", { accessKeyId: "LTAI-fault-id", secretAccessKey: "fault-secret" });
  return { ...t, inject: (...f) => t.emulator.faults.enqueue(...f), clearFaults: () => t.emulator.faults.clear() };
});

describe("clock skew", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  before(async () => {
    target = await emulatorTarget("aliyun", { accessKeyId: "LTAI-skew", secretAccessKey: "skew-secret" });
  });
  after(async () => target?.stop());
  it("RequestTimeTooSkewed says the local clock is off and by how much", async () => {
    await target.createBucket("skewed");
    target.emulator.now = () => Date.now() - 20 * 60 * 1000;
    const lifecycle = lifecycleFor(target);
    const { inputs } = await lifecycle.check({}, { cloud: "aliyun", region: "cn-hangzhou", bucket: "skewed", sseAlgorithm: "AES256", endpoint: target.endpoint });
    await assert.rejects(lifecycle.create(inputs), (e: Error) => /RequestTimeTooSkewed.*the local clock is 1(199|200|201) s ahead of the service's/.test(e.message));
    assert.equal(target.requestCount("skewed"), 1, "not retried");
  });
});
